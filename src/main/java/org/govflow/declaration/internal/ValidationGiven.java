package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/**
 * A validation by the host city or the Presidency, registered with the version's SHA-256; a return
 * sends the text to a further round once both have answered.
 */
@Component("validationGiven")
record ValidationGiven(DeclarationDecisions decisions) implements TaskListener {

  static final String APPROVE = "approve";

  @Override
  public void notify(DelegateTask task) {
    boolean approved = APPROVE.equals(text(task, VALIDATION));
    String by = Actors.current(task);
    decisions.recordValidation(
        task.getProcessInstanceId(),
        text(task, VALIDATING_BODY),
        approved,
        by == null ? task.getAssignee() : by,
        text(task, VERSION_SHA256));
    if (!approved) {
      task.getExecution().getProcessInstance().setVariable(VALIDATION_RETURNED, true);
    }
  }
}
