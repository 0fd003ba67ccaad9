package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/** A group completes its round task: it filed amendments, or has none to file. */
@Component("roundAnswered")
record RoundAnswered(DeclarationTexts texts) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String by = Actors.current(task);
    texts.answered(
        task.getProcessInstanceId(), text(task, GROUP), by == null ? task.getAssignee() : by);
  }
}
