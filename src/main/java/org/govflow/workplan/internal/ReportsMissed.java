package org.govflow.workplan.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The period closed before every report was validated: the others are missed. */
@Component("workplanReportsMissed")
record ReportsMissed(ReportCycle cycle) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    cycle.missed(
        CycleVariables.year(execution), CycleVariables.text(execution, CycleVariables.PERIOD));
  }
}
