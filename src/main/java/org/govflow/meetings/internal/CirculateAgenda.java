package org.govflow.meetings.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Circulates the approved agenda; whether it went out after the documents deadline. */
@Component("circulateAgenda")
class CirculateAgenda implements JavaDelegate {

  private final MeetingManagement meetings;

  CirculateAgenda(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(MeetingVariables.DOCUMENTS_DEADLINE);
    execution.setVariable(
        MeetingVariables.CIRCULATED_LATE,
        meetings.circulate(execution.getProcessBusinessKey(), deadline.toInstant()));
  }
}
