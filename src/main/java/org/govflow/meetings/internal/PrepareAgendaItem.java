package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the item being decided, and the majority it needs, in its own iteration: the votes typed for
 * it and the rule's outcome stay with it.
 */
@Component("prepareAgendaItem")
class PrepareAgendaItem implements JavaDelegate {

  private final Agendas agendas;

  PrepareAgendaItem(Agendas agendas) {
    this.agendas = agendas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(AGENDA_ITEM)).longValue();
    AgendaItem item =
        agendas.item(id).orElseThrow(() -> new IllegalStateException("No agenda item " + id));
    execution.setVariableLocal(ITEM_TITLE, item.title());
    execution.setVariableLocal(MAJORITY, item.statuteChange() ? "two-thirds" : "simple");
    execution.setVariableLocal(VOTES_FOR, null);
    execution.setVariableLocal(VOTES_AGAINST, null);
    execution.setVariableLocal(ABSTENTIONS, null);
    execution.setVariableLocal(OUTCOME, null);
  }
}
