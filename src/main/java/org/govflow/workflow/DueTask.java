package org.govflow.workflow;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * An open user task with its due date, as reminders, escalations and calendars speak of it.
 *
 * @param processKey the process's key, and {@code taskKey} the task's id in its model: together
 *     they name the task in each reader's language
 * @param candidateGroups the bodies it is routed to; empty where they were not asked for (a
 *     reminder for an assigned task concerns only the assignee)
 */
public record DueTask(
    String taskId,
    String taskName,
    String processKey,
    String taskKey,
    String processInstanceId,
    String businessKey,
    String assignee,
    List<String> candidateGroups,
    Instant due) {

  /** A task being created, once its due date is set (in a {@link UserTaskHooks} call). */
  public static DueTask of(DelegateTask task, String processKey, String taskKey) {
    return new DueTask(
        task.getId(),
        task.getName(),
        processKey,
        taskKey,
        task.getProcessInstanceId(),
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
        task.getAssignee(),
        candidateGroups(task.getCandidates()),
        task.getDueDate().toInstant());
  }

  /** The same task with the bodies it is routed to. */
  public DueTask withCandidateGroups(List<String> groups) {
    return new DueTask(
        taskId,
        taskName,
        processKey,
        taskKey,
        processInstanceId,
        businessKey,
        assignee,
        List.copyOf(groups),
        due);
  }

  static List<String> candidateGroups(java.util.Collection<? extends IdentityLink> links) {
    return links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .sorted()
        .toList();
  }
}
