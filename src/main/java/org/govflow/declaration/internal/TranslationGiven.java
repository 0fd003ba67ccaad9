package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/**
 * A translation of the current version: refused (and the task stays open) when it lacks or adds a
 * paragraph of the authentic text.
 */
@Component("translationGiven")
record TranslationGiven(DeclarationTexts texts) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String by = Actors.current(task);
    texts.translate(
        task.getProcessInstanceId(),
        text(task, TARGET_LANGUAGE),
        text(task, TRANSLATION),
        by != null ? by : task.getAssignee() != null ? task.getAssignee() : SYSTEM);
    task.removeVariable(TRANSLATION);
  }
}
