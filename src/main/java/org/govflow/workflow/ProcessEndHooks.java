package org.govflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a module does when a process reaches an end event at its top level, or is deleted before it
 * reaches one: a bean of this type is called as a built-in end listener, in the engine's
 * transaction.
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

  /**
   * The instance was deleted before it reached an end event: ended from outside its model (a
   * meeting called off, an MoU ended, an operator's deletion in Cockpit). Nothing by default.
   *
   * @param reason the reason the deletion gave, or null
   */
  default void cancelled(DelegateExecution execution, String processKey, String reason) {}
}
