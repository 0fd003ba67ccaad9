package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Records that the meeting lacked quorum and ends without reconvening. */
@Component("adjournMeeting")
class AdjournMeeting implements JavaDelegate {

  private final MeetingManagement meetings;

  AdjournMeeting(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.adjourn(execution.getProcessBusinessKey());
  }
}
