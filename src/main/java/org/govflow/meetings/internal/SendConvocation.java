package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Sends the convocation (or its update) with a calendar invitation to every member. */
@Component("sendConvocation")
class SendConvocation implements JavaDelegate {

  private final MeetingManagement meetings;

  SendConvocation(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.convene(execution.getProcessBusinessKey());
  }
}
