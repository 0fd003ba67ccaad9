package org.govflow.decisions;

import java.time.Instant;

/**
 * An entry of the register as stored: the decision, its place in the chain and its hash.
 *
 * @param id the entry's place in the chain: 1, 2, 3...
 * @param corrects the id of the entry this one corrects, if it is a correction
 * @param correctedBy the id of the newest entry correcting this one, if any
 */
public record Decision(
    long id,
    NewDecision content,
    Instant recordedAt,
    Long corrects,
    Long correctedBy,
    boolean published,
    String previousHash,
    String hash) {}
