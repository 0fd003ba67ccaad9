package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.ESCALATION;
import static org.govflow.partnerships.internal.MouRenewal.SECRETARY_GENERAL;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.partnerships.MouEscalated;
import org.springframework.stereotype.Component;

/**
 * The MoU expired before its renewal was signed: the Presidency and the Secretary General are told,
 * expired-renewal-pending.
 */
@Component("expiredUnsigned")
record ExpiredUnsigned(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    records.escalated(
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        MouEscalated.EXPIRED_UNSIGNED,
        text(execution, SECRETARY_GENERAL));
    records.expiredUnsigned(execution.getProcessInstanceId());
    execution.setVariable(ESCALATION, MouEscalated.EXPIRED_UNSIGNED);
  }
}
