package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/** The signed renewal's new term; the MoU is renewed. */
@Component("newTermRecorded")
record NewTermRecorded(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    records.renewed(
        execution.getProcessInstanceId(),
        text(execution, "signedSha256"),
        Objects.requireNonNullElse(Actors.current(execution), SYSTEM));
    execution.setVariable(RENEWAL_SIGNED, true);
  }
}
