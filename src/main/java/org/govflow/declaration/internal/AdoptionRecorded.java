package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * The General Assembly's decision, given by its meeting (AwaitedDecisions.decide): registered
 * unless the meeting registered it, published, and the declaration adopted or rejected.
 */
@Component("adoptionRecorded")
record AdoptionRecorded(DeclarationTexts texts, DeclarationDecisions decisions)
    implements JavaDelegate {

  static final String ADOPTED = "adopted";

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = text(execution, AwaitedDecisions.OUTCOME);
    Long decisionId =
        execution.getVariable(AwaitedDecisions.DECISION_ID) instanceof Number n
            ? n.longValue()
            : null;
    decisions.recordAdoption(
        execution.getProcessInstanceId(), outcome, decisionId, text(execution, VERSION_SHA256));
    texts.stage(
        execution.getProcessInstanceId(), ADOPTED.equals(outcome) ? Stage.ADOPTED : Stage.REJECTED);
  }
}
