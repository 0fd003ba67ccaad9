package org.govflow.deadlines.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.TaskCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On every user task's creation: sets the due date from the policy unless the model set one itself
 * ({@code camunda:dueDate}, evaluated before create listeners run), then tells the other modules,
 * still inside the engine's transaction.
 */
@Component
class TaskCreationListener {

  private final DeadlineSettings settings;
  private final BusinessCalendar calendar;
  private final ApplicationEventPublisher events;

  TaskCreationListener(
      DeadlineSettings settings, BusinessCalendar calendar, ApplicationEventPublisher events) {
    this.settings = settings;
    this.calendar = calendar;
    this.events = events;
  }

  TaskListener forTask(String processKey, String taskKey) {
    return task -> created(task, processKey, taskKey);
  }

  void created(DelegateTask task, String processKey, String taskKey) {
    Instant created = task.getCreateTime().toInstant();
    if (task.getDueDate() == null) {
      DeadlineSettings.Deadline deadline = settings.deadlineFor(processKey, taskKey);
      task.setDueDate(Date.from(calendar.due(created, deadline.duration(), deadline.days())));
    }
    List<String> groups =
        task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .filter(g -> g != null)
            .sorted()
            .toList();
    events.publishEvent(
        new TaskCreated(
            task.getId(),
            task.getName(),
            processKey,
            taskKey,
            task.getProcessInstanceId(),
            task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
            task.getAssignee(),
            groups,
            created,
            task.getDueDate().toInstant()));
  }
}
