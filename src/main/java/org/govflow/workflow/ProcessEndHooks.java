package org.govflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a module does when a process reaches an end event at its top level: a bean of this type is
 * called as a built-in end listener, in the engine's transaction.
 */
public interface ProcessEndHooks {

  /**
   * @param processName the model's name (its key when it has none)
   * @param outcomeName the end event's name (its id when it has none), e.g. "Document approved"
   */
  void ended(
      DelegateExecution execution,
      String processKey,
      String endEventId,
      String processName,
      String outcomeName);
}
