package org.govflow.meetings;

/** A convened meeting was moved to new dates: its members are to receive an update. */
public record MeetingMoved(Meeting meeting, int sequence) {}
