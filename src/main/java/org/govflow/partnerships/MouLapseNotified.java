package org.govflow.partnerships;

import java.time.LocalDate;

/**
 * The organisation will not renew an MoU: its partner's contact is to be told, in the partner's
 * language, on behalf of the focal point.
 */
public record MouLapseNotified(
    long mouId,
    String partnerId,
    String title,
    String contactName,
    String contactEmail,
    String contactLanguage,
    String focalPoint,
    LocalDate expiresOn) {}
