package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The Secretary General's decision, into the register with the assessment's SHA-256. */
@Component("renewalDecided")
record RenewalDecided(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    records.decided(
        task.getProcessInstanceId(),
        task.getExecution().getProcessBusinessKey(),
        Steps.actor(task),
        text(task, DECISION),
        text(task, "assessmentSha256"));
  }
}
