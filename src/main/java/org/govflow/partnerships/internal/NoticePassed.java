package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The notice date passed undecided: escalation, and a tacit MoU renewed by the date itself. */
@Component("noticePassed")
record NoticePassed(RenewalRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean tacit = RenewalKind.TACIT.key().equals(text(execution, RENEWAL_KIND));
    records.noticePassed(
        execution.getProcessInstanceId(), execution.getProcessBusinessKey(), tacit);
    execution.setVariable(ESCALATION, tacit ? "notice-passed-tacit" : "notice-passed-express");
  }
}
