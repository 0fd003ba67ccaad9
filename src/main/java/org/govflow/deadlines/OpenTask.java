package org.govflow.deadlines;

import java.time.Instant;
import java.util.List;

/**
 * A user task still to be done, as reminders and escalations speak of it.
 *
 * @param processKey the process's key, and {@code taskKey} the task's id in its model: together
 *     they name the task in each reader's language
 * @param candidateGroups the bodies it is routed to; left empty in a reminder for an assigned task,
 *     where only the assignee is concerned
 */
public record OpenTask(
    String taskId,
    String taskName,
    String processKey,
    String taskKey,
    String processInstanceId,
    String businessKey,
    String assignee,
    List<String> candidateGroups,
    Instant due) {}
