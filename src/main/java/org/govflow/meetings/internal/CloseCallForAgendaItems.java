package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/**
 * Closes the call: recommendations awaiting the body join the agenda, and the secretariat gets the
 * agenda to consolidate.
 */
@Component("closeCallForAgendaItems")
class CloseCallForAgendaItems implements JavaDelegate {

  private final MeetingManagement meetings;

  CloseCallForAgendaItems(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    meetings.addAwaitedDecisions(key);
    execution.setVariable(MeetingVariables.AGENDA, meetings.agendaText(key));
    execution.setVariable(MeetingVariables.RECOMMENDATIONS, meetings.recommendationsText(key));
  }
}
