package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The validated text goes to translation: one task per language other than the authentic one;
 * DeclarationLists gives them to the multi-instance.
 */
@Component("translationOpened")
record TranslationOpened(DeclarationTexts texts) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    texts.stage(execution.getProcessInstanceId(), Stage.TRANSLATION);
  }
}
