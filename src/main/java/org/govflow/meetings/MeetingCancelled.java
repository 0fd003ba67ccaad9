package org.govflow.meetings;

/** A meeting was cancelled; members who were convened received a cancellation. */
public record MeetingCancelled(String businessKey, String bodyId) {}
