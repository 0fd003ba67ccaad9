package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Keeps a member's answer to the convocation: attending, absent, or a proxy. */
@Component("recordAttendanceResponse")
class RecordAttendanceResponse implements TaskListener {

  private final MeetingManagement meetings;

  RecordAttendanceResponse(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    meetings.answer(
        task.getExecution().getProcessBusinessKey(),
        task.getAssignee(),
        (String) task.getVariable(MeetingVariables.ATTENDANCE),
        (String) task.getVariable(MeetingVariables.PROXY_HOLDER));
    var instance = task.getExecution().getProcessInstance();
    instance.removeVariable(MeetingVariables.ATTENDANCE);
    instance.removeVariable(MeetingVariables.PROXY_HOLDER);
  }
}
