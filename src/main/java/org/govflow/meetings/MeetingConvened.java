package org.govflow.meetings;

/**
 * A meeting was convened, or its revised or reconvened convocation approved: its members are to
 * receive the convocation (sequence 0) or an update of the calendar event they hold.
 */
public record MeetingConvened(Meeting meeting, int sequence) {}
