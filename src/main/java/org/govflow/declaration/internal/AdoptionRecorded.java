package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.decisions.Decision;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The General Assembly's decision, given by its meeting (AwaitedDecisions.decide): registered
 * unless the meeting registered it, published, and the declaration adopted or rejected. Adopted,
 * its texts are published in every language; either way the contributor groups are told
 * (DeclarationConcluded).
 */
@Component("adoptionRecorded")
record AdoptionRecorded(
    DeclarationTexts texts,
    DeclarationDecisions decisions,
    DeclarationPublications publications,
    DeclarationConclusions conclusions,
    ApplicationEventPublisher events)
    implements JavaDelegate {

  static final String ADOPTED = "adopted";

  @Override
  public void execute(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    String outcome = text(execution, AwaitedDecisions.OUTCOME);
    Long decisionId =
        execution.getVariable(AwaitedDecisions.DECISION_ID) instanceof Number n
            ? n.longValue()
            : null;
    Decision decision =
        decisions.recordAdoption(pid, outcome, decisionId, text(execution, VERSION_SHA256));
    boolean adopted = ADOPTED.equals(outcome);
    if (adopted) {
      publications.publish(pid, decision);
    }
    texts.stage(pid, adopted ? Stage.ADOPTED : Stage.REJECTED);
    events.publishEvent(conclusions.of(pid, outcome));
  }
}
