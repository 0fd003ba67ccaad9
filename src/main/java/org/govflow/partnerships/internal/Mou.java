package org.govflow.partnerships.internal;

import java.time.Instant;
import java.time.LocalDate;

/** An MoU as the register keeps it, with its current (latest) term. */
record Mou(
    long id,
    String partnerId,
    String partnerKind,
    String title,
    LocalDate signedOn,
    RenewalKind renewalKind,
    String noticePeriod,
    String focalPoint,
    String contactName,
    String contactEmail,
    String contactLanguage,
    MouStatus status,
    LocalDate endedOn,
    String endReason,
    Instant updatedAt,
    MouTerm term) {}
