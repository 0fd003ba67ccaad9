package org.govflow.workflow;

import java.time.Instant;

/**
 * A process waiting for a body to decide on it at a meeting, such as a recommendation submitted to
 * the World Council.
 *
 * @param processInstanceId the waiting process
 * @param processKey its process key (policy-recommendation)
 * @param businessKey its business key, by which the decision is correlated
 * @param subject what the body is asked to decide, as members read it
 * @param documentSha256 the SHA-256 of the document version to decide on, if any
 * @param since when it started waiting
 */
public record AwaitedDecision(
    String processInstanceId,
    String processKey,
    String businessKey,
    String subject,
    String documentSha256,
    Instant since) {}
