package org.govflow.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.govflow.meetings.MeetingSettings;
import org.springframework.stereotype.Component;

/** A meeting's running process, changed from outside it: new dates, or its end. */
@Component
public class MeetingProcess {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final MeetingSettings settings;
  private final Clock clock;

  MeetingProcess(
      RuntimeService runtime,
      ManagementService management,
      TaskService tasks,
      MeetingSettings settings,
      Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * New dates for the timers and due dates still ahead; a timer already set (waiting for the
   * meeting, or a deadline before it) moves with them.
   */
  public void reschedule(String processInstanceId, Instant start, Instant end) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return;
    }
    var variables = MeetingSchedule.variables(start, end, clock.instant(), settings);
    runtime.setVariables(processInstanceId, variables);
    move(processInstanceId, "MeetingStarts", variables.get(MeetingVariables.MEETING_START));
    move(processInstanceId, "CallDeadlineReached", variables.get(MeetingVariables.CALL_DEADLINE));
    move(
        processInstanceId,
        "AttendanceDeadlineReached",
        variables.get(MeetingVariables.ATTENDANCE_DEADLINE));
  }

  /** The id of the step's open task in the meeting's process, if there is one now. */
  public java.util.Optional<String> openTask(String processInstanceId, String activityId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId)
        .active()
        .list()
        .stream()
        .map(org.camunda.bpm.engine.task.Task::getId)
        .findFirst();
  }

  /** Whether the meeting is one reconvened after it lacked quorum. */
  public boolean reconvening(String processInstanceId) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return false;
    }
    return Boolean.TRUE.equals(
        runtime.getVariable(processInstanceId, MeetingVariables.RECONVENING));
  }

  /** Ends the process, for a meeting called off. */
  public void end(String processInstanceId, String reason) {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      runtime.deleteProcessInstance(processInstanceId, reason);
    }
  }

  private void move(String processInstanceId, String activityId, Object due) {
    String taskKey =
        switch (activityId) {
          case "CallDeadlineReached" -> "ProposeAgendaItems";
          case "AttendanceDeadlineReached" -> "ConfirmAttendance";
          default -> null;
        };
    if (taskKey != null) {
      // the open tasks are due when their timer fires
      tasks
          .createTaskQuery()
          .processInstanceId(processInstanceId)
          .taskDefinitionKey(taskKey)
          .list()
          .forEach(
              t -> {
                t.setDueDate((Date) due);
                tasks.saveTask(t);
              });
    }
    for (Job job :
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(activityId)
            .timers()
            .list()) {
      management.setJobDuedate(job.getId(), (Date) due);
    }
  }
}
