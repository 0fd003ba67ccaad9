package org.govflow.workflow;

/** Camunda refused a model in bpmn/ or forms/; the message is the engine's. */
public class ModelRejectedException extends RuntimeException {

  public ModelRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
