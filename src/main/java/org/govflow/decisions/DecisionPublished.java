package org.govflow.decisions;

import java.time.Instant;

/** A decision was made visible to every member (and to the public page, where it is on). */
public record DecisionPublished(
    long decisionId,
    String bodyId,
    String subject,
    String outcome,
    String businessKey,
    Instant decidedAt,
    String publishedBy) {}
