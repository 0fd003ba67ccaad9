package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** The secretariat withdraws a recommendation the council did not adopt: recorded, published. */
@Component("withdrawalRecorded")
public class WithdrawalRecorded implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public WithdrawalRecorded(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recommendations.withdraw(
        execution.getProcessInstanceId(),
        Actors.current(execution),
        (String) execution.getVariable(DOCUMENT_SHA256));
  }
}
