package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.partnerships.MouEscalated;
import org.springframework.stereotype.Component;

/**
 * The notice date passed undecided: the Presidency and the Secretary General are told, and a tacit
 * MoU is renewed by the date itself.
 */
@Component("noticePassed")
record NoticePassed(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean tacit = RenewalKind.TACIT.key().equals(text(execution, RENEWAL_KIND));
    String what = tacit ? MouEscalated.NOTICE_PASSED_TACIT : MouEscalated.NOTICE_PASSED_EXPRESS;
    // told before the tacit term is recorded: the mail names the term that was to be decided
    records.escalated(
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        what,
        text(execution, SECRETARY_GENERAL));
    records.noticePassed(
        execution.getProcessInstanceId(), execution.getProcessBusinessKey(), tacit);
    execution.setVariable(ESCALATION, what);
  }
}
