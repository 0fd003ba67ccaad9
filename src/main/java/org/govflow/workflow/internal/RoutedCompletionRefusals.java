package org.govflow.workflow.internal;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws into a generic exception (a 500 on Camunda's
 * REST API); this interceptor, outside the transaction, hands {@link RoutedCompletion}'s refusal
 * back as the {@code AuthorizationException} it is (a 403 there) once the transaction rolled back.
 */
final class RoutedCompletionRefusals extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof RoutedCompletion.Refused refused) {
          throw refused;
        }
      }
      throw e;
    }
  }
}
