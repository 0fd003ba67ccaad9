package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Saves the consolidated agenda, with every recommendation awaiting the body by then. */
@Component("saveAgenda")
class SaveAgenda implements JavaDelegate {

  private final MeetingManagement meetings;

  SaveAgenda(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    meetings.consolidate(key, (String) execution.getVariable(MeetingVariables.AGENDA));
    execution.setVariable(MeetingVariables.RECOMMENDATIONS, meetings.recommendationsText(key));
  }
}
