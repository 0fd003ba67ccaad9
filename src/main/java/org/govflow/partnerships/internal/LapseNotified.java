package org.govflow.partnerships.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The partner's contact is told that the MoU will not be renewed. */
@Component("lapseNotified")
record LapseNotified(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    records.lapseNotified(execution.getProcessInstanceId());
  }
}
