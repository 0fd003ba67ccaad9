package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Legal's opinion on the draft, into the register with the draft version's SHA-256. */
@Component("legalOpinionRecorded")
record LegalOpinionRecorded(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    records.legalOpinion(
        task.getProcessInstanceId(),
        task.getExecution().getProcessBusinessKey(),
        Steps.actor(task),
        text(task, LEGAL_OPINION),
        text(task, DOCUMENT_SHA256));
  }
}
