package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A validation returned the text: one more round of amendments. */
@Component("furtherRoundGranted")
record FurtherRoundGranted() implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        ROUNDS, Math.max(number(execution, ROUNDS, 1), number(execution, ROUND, 0)) + 1);
  }
}
