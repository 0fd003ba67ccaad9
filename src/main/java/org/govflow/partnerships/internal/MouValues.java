package org.govflow.partnerships.internal;

import java.time.LocalDate;

/** An MoU's values once checked. */
record MouValues(
    String partnerId,
    String partnerKind,
    String title,
    LocalDate signedOn,
    LocalDate startsOn,
    LocalDate endsOn,
    RenewalKind renewalKind,
    String noticePeriod,
    String focalPoint,
    String contactName,
    String contactEmail,
    String contactLanguage) {}
