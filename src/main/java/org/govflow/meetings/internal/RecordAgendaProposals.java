package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Keeps a section's or council's proposals when it completes its call for agenda items. */
@Component("recordAgendaProposals")
class RecordAgendaProposals implements TaskListener {

  private final MeetingManagement meetings;

  RecordAgendaProposals(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    meetings.propose(
        task.getExecution().getProcessBusinessKey(),
        (String) task.getVariable(MeetingVariables.CONTRIBUTOR),
        (String) task.getVariable(MeetingVariables.AGENDA_PROPOSALS));
    // the next contributor starts from an empty form
    task.getExecution().getProcessInstance().removeVariable(MeetingVariables.AGENDA_PROPOSALS);
  }
}
