package org.govflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a module does when a process instance starts: a bean of this type is called as a built-in
 * start listener of the process, in the engine's transaction.
 */
public interface ProcessStartHooks {

  void started(DelegateExecution execution, String processKey);
}
