package org.govflow.partnerships.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the step a renewal is at on its row, for the register's page. */
@Component("renewalStage")
record RenewalStage(RenewalRecords records) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    records.stage(execution.getProcessInstanceId(), execution.getCurrentActivityId());
  }
}
