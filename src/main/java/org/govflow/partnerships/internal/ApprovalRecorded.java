package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The Presidency's approval (or return) of the agreed text, into the register. */
@Component("approvalRecorded")
record ApprovalRecorded(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    records.approval(
        task.getProcessInstanceId(),
        task.getExecution().getProcessBusinessKey(),
        Steps.actor(task),
        "approve".equals(text(task, APPROVAL)) ? "approved" : "returned",
        text(task, DOCUMENT_SHA256));
  }
}
