package org.govflow.workplan.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/** The Executive Bureau took note: the register keeps it with the report's SHA-256. */
@Component("workplanImplementationNoted")
record ImplementationNoted(ReportCycle cycle, WorkPlanSettings settings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Long decisionId =
        execution.getVariable(AwaitedDecisions.DECISION_ID) instanceof Number n
            ? n.longValue()
            : null;
    cycle.noted(
        CycleVariables.year(execution),
        CycleVariables.text(execution, CycleVariables.PERIOD),
        decisionId,
        settings.takesNote(),
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey());
  }
}
