package org.govflow.workplan.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A body's report is overdue: marked so on the plan's pages (the deadlines module mails the
 * reminders before and the escalation to the body's chairs and the secretariat after).
 */
@Component("workplanReportOverdue")
record ReportOverdue(ReportCycle cycle) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    cycle.overdue(
        CycleVariables.year(execution),
        CycleVariables.text(execution, CycleVariables.PERIOD),
        CycleVariables.text(execution, CycleVariables.BODY));
  }
}
