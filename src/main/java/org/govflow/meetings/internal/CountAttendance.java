package org.govflow.meetings.internal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records who is present and counts them, with the proxies they hold, for the quorum rule. */
@Component("countAttendance")
class CountAttendance implements JavaDelegate {

  private final AttendanceRoll roll;

  CountAttendance(AttendanceRoll roll) {
    this.roll = roll;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AttendanceRoll.Count count =
        roll.record(
            execution.getProcessBusinessKey(),
            ids(execution.getVariable(MeetingVariables.PRESENT_MEMBERS)));
    execution.setVariable(MeetingVariables.PRESENT, count.present());
    execution.setVariable(MeetingVariables.REPRESENTED, count.represented());
    execution.setVariable(MeetingVariables.MEMBERSHIP, count.membership());
  }

  /** Person ids, one a line (or separated by commas). */
  static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    return List.of(value.toString().split("[\\s,;]+")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }
}
