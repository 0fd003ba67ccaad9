package org.govflow.deadlines;

import java.time.Instant;
import java.util.List;

/**
 * A user task was created and given its due date; published synchronously inside the engine's
 * transaction, so whatever a listener writes commits or rolls back with the task itself.
 *
 * @param candidateGroups the bodies the task is routed to when it has no assignee
 */
public record TaskCreated(
    String taskId,
    String taskName,
    String processKey,
    String taskKey,
    String processInstanceId,
    String businessKey,
    String assignee,
    List<String> candidateGroups,
    Instant created,
    Instant due) {}
