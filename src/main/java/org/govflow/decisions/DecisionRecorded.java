package org.govflow.decisions;

import java.time.Instant;

/**
 * A decision entered the register (a correction too), published in the transaction that recorded
 * it.
 */
public record DecisionRecorded(
    long decisionId,
    String bodyId,
    String processKey,
    String subject,
    String outcome,
    String businessKey,
    Instant decidedAt,
    Long corrects) {}
