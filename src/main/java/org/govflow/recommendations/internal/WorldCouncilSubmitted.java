package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * Submits the endorsed recommendation to the World Council: the meetings list what awaits the World
 * Council by these variables (AwaitedDecisions), and the wait escalates after the configured time.
 */
@Component("worldCouncilSubmitted")
record WorldCouncilSubmitted(RecommendationSettings settings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(
        Map.of(
            AwaitedDecisions.AWAITED_BODY,
            WORLD_COUNCIL,
            AwaitedDecisions.AWAITED_SUBJECT,
            execution.getVariable(TITLE),
            AwaitedDecisions.AWAITED_DOCUMENT_SHA256,
            execution.getVariable(DOCUMENT_SHA256),
            WORLD_COUNCIL_ESCALATION,
            settings.worldCouncilEscalation().toString()));
  }
}
