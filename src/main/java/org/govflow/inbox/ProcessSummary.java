package org.govflow.inbox;

import java.time.Instant;

/**
 * A process instance as a list shows it.
 *
 * @param subject what it is about (the title its launcher typed), or null
 * @param startedByName the name of who started it
 */
public record ProcessSummary(
    String id,
    String processKey,
    String processName,
    String businessKey,
    String state,
    String startedBy,
    Instant started,
    Instant ended,
    String subject,
    String startedByName) {}
