package org.govflow.partnerships.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One term of an MoU: the original one, then one per renewal. */
record MouTerm(
    long mouId,
    int termNo,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate noticeDate,
    String how,
    String documentSha256,
    String recordedBy,
    Instant recordedAt) {}
