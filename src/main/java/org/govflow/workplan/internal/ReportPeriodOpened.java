package org.govflow.workplan.internal;

import static org.govflow.workplan.internal.CycleVariables.PERIOD;
import static org.govflow.workplan.internal.CycleVariables.PERIOD_CLOSES;
import static org.govflow.workplan.internal.CycleVariables.REPORT_DUE;

import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a period: a report per owner body, due {@code reportAfter} after the period's last day
 * (18:00 in the secretariat's time zone), the period closing {@code closeAfter} after it.
 */
@Component("workplanPeriodOpened")
record ReportPeriodOpened(ReportCycle cycle, WorkPlanSettings settings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String period = CycleVariables.text(execution, PERIOD);
    ReportPeriod p = ReportPeriod.parse(period);
    cycle.open(CycleVariables.year(execution), period, execution.getProcessInstanceId());
    var end = p.lastDay().atTime(LocalTime.of(18, 0)).atZone(settings.zone());
    execution.setVariables(
        Map.of(
            REPORT_DUE,
            end.plus(settings.reportAfter()).toOffsetDateTime().toString(),
            PERIOD_CLOSES,
            end.plus(settings.closeAfter()).toOffsetDateTime().toString()));
  }
}
