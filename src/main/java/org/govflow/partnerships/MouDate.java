package org.govflow.partnerships;

import java.time.LocalDate;

/**
 * A date that matters in an MoU's life: the last day to decide on its renewal, or its expiry.
 *
 * @param kind {@code notice} or {@code expiry}
 * @param focalPoint the person responsible for the MoU
 */
public record MouDate(
    long mouId, String partnerId, String title, String kind, LocalDate date, String focalPoint) {}
