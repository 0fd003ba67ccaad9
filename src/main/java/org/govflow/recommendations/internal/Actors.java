package org.govflow.recommendations.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts in a step: the person the inbox completes the task as, else the process itself. */
final class Actors {

  private Actors() {}

  /** The authenticated person completing the step, or null when the engine acts alone. */
  static String current(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static int intOf(Object value, int otherwise) {
    return value instanceof Number n ? n.intValue() : otherwise;
  }
}
