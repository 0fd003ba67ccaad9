package org.govflow.deadlines;

import java.time.Instant;
import java.util.List;

/**
 * A user task still to be done, as reminders and escalations speak of it.
 *
 * @param candidateGroups the bodies it is routed to; left empty in a reminder for an assigned task,
 *     where only the assignee is concerned
 */
public record OpenTask(
    String taskId,
    String taskName,
    String processInstanceId,
    String businessKey,
    String assignee,
    List<String> candidateGroups,
    Instant due) {}
