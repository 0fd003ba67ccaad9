package org.govflow.meetings;

import java.time.Instant;

/**
 * A meeting still to come, for lists and the dashboard; its status as {@link MeetingStatus#code}.
 */
public record UpcomingMeeting(
    String businessKey, String bodyId, String title, Instant start, Instant end, String status) {}
