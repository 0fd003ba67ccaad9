package org.govflow.partnerships.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At expiry, the MoU not renewed is lapsed. */
@Component("lapseRecorded")
record LapseRecorded(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    records.lapsed(execution.getProcessInstanceId());
  }
}
