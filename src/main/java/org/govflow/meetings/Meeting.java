package org.govflow.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A statutory meeting as its members see it.
 *
 * @param businessKey the meeting's key (WC-2026-02), also its process's business key
 * @param start when it starts; shown in each reader's zone, convened in {@code timeZone}
 * @param sequence how many times the invitation was changed since the convocation
 */
public record Meeting(
    String businessKey,
    String processInstanceId,
    String bodyId,
    String title,
    Instant start,
    Instant end,
    ZoneId timeZone,
    String location,
    List<String> languages,
    MeetingStatus status,
    int sequence,
    Instant agendaCirculatedAt,
    boolean circulatedLate,
    String minutesDocumentId) {

  /** The same meeting on new dates, in the zone they are given in. */
  public Meeting movedTo(ZonedDateTime newStart, ZonedDateTime newEnd) {
    return new Meeting(
        businessKey,
        processInstanceId,
        bodyId,
        title,
        newStart.toInstant(),
        newEnd.toInstant(),
        newStart.getZone(),
        location,
        languages,
        status,
        sequence,
        agendaCirculatedAt,
        circulatedLate,
        minutesDocumentId);
  }
}
