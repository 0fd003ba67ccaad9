package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationSettings;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * Submits the endorsed recommendation to the World Council: the meetings list what awaits the World
 * Council by these variables (AwaitedDecisions), and the wait escalates after the configured time.
 */
@Component("worldCouncilSubmitted")
public class WorldCouncilSubmitted implements JavaDelegate {

  static final String WORLD_COUNCIL = "world-council";

  private final RecommendationSettings settings;

  public WorldCouncilSubmitted(RecommendationSettings settings) {
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(AwaitedDecisions.AWAITED_BODY, WORLD_COUNCIL);
    execution.setVariable(AwaitedDecisions.AWAITED_SUBJECT, execution.getVariable(TITLE));
    execution.setVariable(
        AwaitedDecisions.AWAITED_DOCUMENT_SHA256, execution.getVariable(DOCUMENT_SHA256));
    execution.setVariable(WORLD_COUNCIL_ESCALATION, settings.worldCouncilEscalation().toString());
  }
}
