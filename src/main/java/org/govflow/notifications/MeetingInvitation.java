package org.govflow.notifications;

import java.time.ZonedDateTime;

/**
 * A meeting convocation, a change to it, or its cancellation, for every member of a body. A change
 * or cancellation keeps the {@code uid} and raises the {@code sequence}, so calendars update the
 * event they already hold.
 *
 * @param uid the meeting's identifier, stable for its whole life
 * @param sequence 0 for the convocation, one more for each change
 * @param start when it starts, in the meeting's own time zone
 * @param end when it ends, in the same zone
 */
public record MeetingInvitation(
    String uid,
    int sequence,
    boolean cancelled,
    String bodyId,
    String title,
    ZonedDateTime start,
    ZonedDateTime end,
    String location) {}
