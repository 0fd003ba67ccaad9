package org.govflow.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.meetings.MeetingSettings;
import org.govflow.workflow.RunningProcesses;
import org.springframework.stereotype.Component;

/** A meeting's running process, changed from outside it: new dates, or its end. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingProcess {

  private final RunningProcesses processes;
  private final MeetingSettings settings;
  private final Clock clock;

  /**
   * New dates for the timers and due dates still ahead; a timer already set (waiting for the
   * meeting, or a deadline before it) moves with them.
   */
  void reschedule(String processInstanceId, Instant start, Instant end) {
    if (!processes.running(processInstanceId)) {
      return;
    }
    var variables = MeetingSchedule.variables(start, end, clock.instant(), settings);
    processes.setVariables(processInstanceId, variables);
    move(processInstanceId, "MeetingStarts", null, variables.get(MeetingVariables.MEETING_START));
    move(
        processInstanceId,
        "CallDeadlineReached",
        "ProposeAgendaItems",
        variables.get(MeetingVariables.CALL_DEADLINE));
    // the open tasks are due when their timer fires
    move(
        processInstanceId,
        "AttendanceDeadlineReached",
        "ConfirmAttendance",
        variables.get(MeetingVariables.ATTENDANCE_DEADLINE));
  }

  /** The id of the step's open task in the meeting's process, if there is one now. */
  Optional<String> openTask(String processInstanceId, String stepId) {
    return processes.openTasks(processInstanceId, stepId).stream()
        .map(RunningProcesses.OpenStep::taskId)
        .findFirst();
  }

  /** Whether the meeting is one reconvened after it lacked quorum. */
  boolean reconvening(String processInstanceId) {
    return Boolean.TRUE.equals(processes.variable(processInstanceId, MeetingVariables.RECONVENING));
  }

  /** A variable of the meeting's process, or null once it has ended. */
  Object variable(String processInstanceId, String name) {
    return processInstanceId == null ? null : processes.variable(processInstanceId, name);
  }

  /** The business key of the meeting a running process is for. */
  String businessKey(String processInstanceId) {
    return processes.businessKey(processInstanceId).orElse(null);
  }

  /** Ends the process, for a meeting called off. */
  void end(String processInstanceId, String reason) {
    processes.end(processInstanceId, reason);
  }

  private void move(String processInstanceId, String timerId, String stepId, Object due) {
    processes.moveDeadline(processInstanceId, timerId, stepId, ((Date) due).toInstant());
  }
}
