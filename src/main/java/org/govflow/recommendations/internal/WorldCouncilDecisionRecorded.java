package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * The World Council's decision, given by the meeting (AwaitedDecisions.decide): recorded unless the
 * meeting recorded it, then published with the recommendation's outcome.
 */
@Component("worldCouncilDecisionRecorded")
record WorldCouncilDecisionRecorded(RecommendationDecisions decisions) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome = Coded.stored(Outcome.class, text(execution, AwaitedDecisions.OUTCOME));
    Long decisionId =
        execution.getVariable(AwaitedDecisions.DECISION_ID) instanceof Number n
            ? n.longValue()
            : null;
    decisions.recordWorldCouncilDecision(
        execution.getProcessInstanceId(), outcome, decisionId, text(execution, DOCUMENT_SHA256));
  }
}
