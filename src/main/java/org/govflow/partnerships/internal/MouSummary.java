package org.govflow.partnerships.internal;

import java.time.LocalDate;

/**
 * A row of the register: the next date that matters (the notice date until it passes, then the
 * expiry) and the days left to it, the running renewal's stage.
 */
record MouSummary(
    long id,
    String partnerId,
    String partnerName,
    String title,
    String status,
    String renewalKind,
    LocalDate noticeDate,
    LocalDate expiresOn,
    String nextDateKind,
    LocalDate nextDate,
    long daysLeft,
    String focalPoint,
    String focalPointName,
    String renewalKey,
    String renewalStage) {}
