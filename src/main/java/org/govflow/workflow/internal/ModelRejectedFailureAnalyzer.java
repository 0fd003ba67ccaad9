package org.govflow.workflow.internal;

import org.govflow.workflow.ModelRejectedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows the engine's reasons for rejecting a model instead of a stack trace. */
class ModelRejectedFailureAnalyzer extends AbstractFailureAnalyzer<ModelRejectedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelRejectedException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the model (Camunda Modeler shows the same problems) and start govflow again.",
        cause);
  }
}
