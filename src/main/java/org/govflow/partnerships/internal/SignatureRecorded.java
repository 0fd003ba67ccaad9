package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The signature: the signed copy's SHA-256 into the register, kept for the new term. */
@Component("signatureRecorded")
record SignatureRecorded(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String sha =
        records.signed(
            task.getProcessInstanceId(),
            task.getExecution().getProcessBusinessKey(),
            Steps.actor(task),
            text(task, SIGNED_DOCUMENT_ID));
    task.getExecution().getProcessInstance().setVariable("signedSha256", sha);
  }
}
