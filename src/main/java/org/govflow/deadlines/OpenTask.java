package org.govflow.deadlines;

import java.time.Instant;
import java.util.List;

/** A user task still to be done, as reminders and escalations speak of it. */
public record OpenTask(
    String taskId,
    String taskName,
    String processInstanceId,
    String businessKey,
    String assignee,
    List<String> candidateGroups,
    Instant due) {}
