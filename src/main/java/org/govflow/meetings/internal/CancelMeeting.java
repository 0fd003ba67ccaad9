package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Cancels the meeting when the Presidency refuses to waive the notice period. */
@Component("cancelMeeting")
class CancelMeeting implements JavaDelegate {

  private final MeetingManagement meetings;

  CancelMeeting(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.cancel(execution.getProcessBusinessKey());
  }
}
