package org.govflow.deadlines.internal;

import java.time.Instant;
import java.util.Date;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.TaskCreated;
import org.govflow.workflow.DueTask;
import org.govflow.workflow.UserTaskHooks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On every user task's creation: sets the due date from the policy unless the model set one itself
 * ({@code camunda:dueDate}, evaluated before create listeners run), then tells the other modules,
 * still inside the engine's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskCreationListener implements UserTaskHooks {

  private final DeadlineSettings settings;
  private final BusinessCalendar calendar;
  private final ApplicationEventPublisher events;

  @Override
  public void created(DelegateTask task, String processKey, String taskKey) {
    Instant created = task.getCreateTime().toInstant();
    if (task.getDueDate() == null) {
      DeadlineSettings.Deadline deadline = settings.deadlineFor(processKey, taskKey);
      task.setDueDate(Date.from(calendar.due(created, deadline.duration(), deadline.days())));
    }
    events.publishEvent(new TaskCreated(DueTask.of(task, processKey, taskKey), created));
  }
}
