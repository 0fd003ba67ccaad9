package org.govflow.declaration.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The committee's task completes only when every amendment of the round has its disposition and
 * every conflict its resolution; else the completion is refused, saying what is left.
 */
@Component("dispositionsChecked")
record DispositionsChecked(DeclarationTexts texts) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    texts.checkDisposed(task.getProcessInstanceId());
  }
}
