package org.govflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a module does when any user task of any model is created, without a line in the BPMN: a bean
 * of this type is called as a built-in task listener, before the model's own listeners, in the
 * engine's transaction (so not switched off by {@code camunda.bpm.eventing.task=false}, nor skipped
 * when an operator starts an instance with "skip custom listeners" in Cockpit).
 */
public interface UserTaskHooks {

  /**
   * @param processKey the process's key, and {@code taskKey} the task's id in its model
   */
  void created(DelegateTask task, String processKey, String taskKey);
}
