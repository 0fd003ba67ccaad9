package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.ESCALATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The MoU expired before its renewal was signed: escalated, expired-renewal-pending. */
@Component("expiredUnsigned")
record ExpiredUnsigned(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    records.expiredUnsigned(execution.getProcessInstanceId());
    execution.setVariable(ESCALATION, "expired-unsigned");
  }
}
