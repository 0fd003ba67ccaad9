package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationManagement;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * The World Council's decision, given by the meeting (AwaitedDecisions.decide): recorded unless the
 * meeting recorded it, then published with the recommendation's outcome.
 */
@Component("worldCouncilDecisionRecorded")
public class WorldCouncilDecisionRecorded implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public WorldCouncilDecisionRecorded(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decisionId = execution.getVariable(AwaitedDecisions.DECISION_ID);
    recommendations.recordWorldCouncilDecision(
        execution.getProcessInstanceId(),
        (String) execution.getVariable(AwaitedDecisions.OUTCOME),
        decisionId instanceof Number n ? n.longValue() : null,
        (String) execution.getVariable(DOCUMENT_SHA256));
  }
}
