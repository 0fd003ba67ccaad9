package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/** The Presidency's endorsement, or its return, into the decision register. */
@Component("endorsementRecorded")
record EndorsementRecorded(RecommendationDecisions decisions) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean endorsed = "endorse".equals(text(execution, ENDORSEMENT));
    String sha256 = text(execution, DOCUMENT_SHA256);
    String president = Actors.current(execution);
    decisions.recordEndorsement(execution.getProcessInstanceId(), endorsed, president, sha256);
  }
}
