package org.govflow.workplan.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * Compiles the period's implementation report and puts it before the Executive Bureau: its meetings
 * list what awaits them (AwaitedDecisions) with the report's SHA-256; after the configured time
 * without its taking note, the Presidency and the secretariat are asked to follow it up.
 */
@Component("workplanImplementationCompiled")
record ImplementationCompiled(ReportCycle cycle, WorkPlanSettings settings)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int year = CycleVariables.year(execution);
    String period = CycleVariables.text(execution, CycleVariables.PERIOD);
    String sha = cycle.compile(year, period, execution.getProcessInstanceId());
    execution.setVariables(
        Map.of(
            CycleVariables.REPORT_SHA256,
            sha,
            AwaitedDecisions.AWAITED_BODY,
            settings.takesNote(),
            AwaitedDecisions.AWAITED_SUBJECT,
            "Work plan " + year + ": implementation report " + period,
            AwaitedDecisions.AWAITED_DOCUMENT_SHA256,
            sha,
            CycleVariables.BUREAU_ESCALATION,
            settings.bureauEscalation().toString()));
  }
}
