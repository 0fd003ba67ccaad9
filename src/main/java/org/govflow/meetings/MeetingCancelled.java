package org.govflow.meetings;

/**
 * A meeting was cancelled; members who were convened ({@code membersConvened}) are to receive a
 * cancellation of the calendar event they hold.
 */
public record MeetingCancelled(Meeting meeting, int sequence, boolean membersConvened) {}
