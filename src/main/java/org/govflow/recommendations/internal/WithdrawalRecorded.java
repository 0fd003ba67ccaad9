package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/** The secretariat withdraws a recommendation the council did not adopt: recorded, published. */
@Component("withdrawalRecorded")
record WithdrawalRecorded(RecommendationDecisions decisions) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String by = Actors.current(execution);
    decisions.withdraw(execution.getProcessInstanceId(), by, text(execution, DOCUMENT_SHA256));
  }
}
