package org.govflow.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A statutory meeting as its members see it.
 *
 * @param businessKey the meeting's key (WC-2026-02), also its process's business key
 * @param start when it starts; shown in each reader's zone, convened in {@code timeZone}
 * @param status registered, convened, held, adjourned or cancelled
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
    String status,
    int sequence,
    Instant agendaCirculatedAt,
    boolean circulatedLate,
    String minutesDocumentId) {}
