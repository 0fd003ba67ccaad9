package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** The Presidency's endorsement, or its return, into the decision register. */
@Component("endorsementRecorded")
public class EndorsementRecorded implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public EndorsementRecorded(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recommendations.recordEndorsement(
        execution.getProcessInstanceId(),
        "endorse".equals(execution.getVariable(ENDORSEMENT)),
        Actors.current(execution),
        (String) execution.getVariable(DOCUMENT_SHA256));
  }
}
