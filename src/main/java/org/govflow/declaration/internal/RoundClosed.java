package org.govflow.declaration.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the round, when every group has answered or at its deadline: the groups that filed nothing
 * are recorded as silent (no amendments).
 */
@Component("roundClosed")
record RoundClosed(DeclarationTexts texts) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    texts.closeRound(execution.getProcessInstanceId());
  }
}
