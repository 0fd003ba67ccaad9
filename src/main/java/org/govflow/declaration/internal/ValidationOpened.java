package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The last round is over: the host city and the Presidency validate the text in parallel. */
@Component("validationOpened")
record ValidationOpened(DeclarationTexts texts) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    texts.stage(execution.getProcessInstanceId(), Stage.VALIDATION);
    execution.setVariable(VALIDATION_RETURNED, false);
  }
}
