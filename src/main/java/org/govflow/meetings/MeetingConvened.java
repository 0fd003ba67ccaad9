package org.govflow.meetings;

import java.time.Instant;

/** A meeting's convocation, or a change to its date, was sent to its members. */
public record MeetingConvened(String businessKey, String bodyId, int sequence, Instant start) {}
