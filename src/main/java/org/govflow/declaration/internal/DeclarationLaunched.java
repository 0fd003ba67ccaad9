package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The launch: the zero draft becomes version 1 in the authentic language (the draft leaves the
 * engine: the text lives in the module's tables, the process keeps its version and SHA-256).
 */
@Component("declarationLaunched")
record DeclarationLaunched(DeclarationTexts texts, DeclarationSettings settings)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    TextVersion zero =
        texts.launch(
            execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(),
            text(execution, TITLE),
            text(execution, LANGUAGE),
            number(execution, ROUNDS, 2),
            list(execution.getVariable(GROUPS)),
            text(execution, DRAFT),
            text(execution, INITIATOR) == null ? SYSTEM : text(execution, INITIATOR));
    execution.removeVariable(DRAFT);
    execution.setVariable(VERSION_NUMBER, 1);
    execution.setVariable(VERSION_SHA256, zero.sha256());
    execution.setVariable(HOST_CITY, settings.hostCity());
    execution.setVariable(ROUND, 0);
  }
}
