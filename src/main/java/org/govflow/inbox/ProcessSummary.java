package org.govflow.inbox;

import java.time.Instant;

/** A process instance as a list shows it. */
public record ProcessSummary(
    String id,
    String processKey,
    String processName,
    String businessKey,
    String state,
    String startedBy,
    Instant started,
    Instant ended) {}
