package org.govflow.workplan.internal;

import static org.govflow.workplan.internal.CycleVariables.BODY;
import static org.govflow.workplan.internal.CycleVariables.PERIOD;
import static org.govflow.workplan.internal.CycleVariables.RETURN_COMMENT;
import static org.govflow.workplan.internal.CycleVariables.VALIDATION;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.workflow.Actors;
import org.govflow.workflow.RuleTables;
import org.springframework.stereotype.Component;

/**
 * The secretariat checked a body's report (four eyes: never the person who reported). Validated:
 * each action's status comes from the workplan-status table (its progress against the share of the
 * year elapsed at the period's end, and its milestone slippage). Returned: with comments.
 */
@Component("workplanReportChecked")
record ReportChecked(ReportCycle cycle) implements TaskListener {

  static final String STATUS_TABLE = "workplan-status";

  @Override
  public void notify(DelegateTask task) {
    int year = CycleVariables.year(task);
    String period = CycleVariables.text(task, PERIOD);
    String body = CycleVariables.text(task, BODY);
    String by = Actors.current(task);
    if (by != null && by.equals(cycle.reporter(year, period, body))) {
      throw new IllegalStateException(by + " reported for " + body + " and may not validate it");
    }
    if (!"validated".equals(CycleVariables.text(task, VALIDATION))) {
      cycle.returned(year, period, body, by, CycleVariables.text(task, RETURN_COMMENT));
      return;
    }
    RuleTables rules = RuleTables.of(task.getExecution());
    int elapsed = ReportPeriod.parse(period).elapsedPercent();
    Map<String, String> statuses = new HashMap<>();
    for (ReportLine line : cycle.lines(year, period, body)) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("proposal", line.proposal());
      inputs.put("progress", line.progress());
      inputs.put("elapsed", elapsed);
      inputs.put("slipDays", line.slipDays());
      statuses.put(line.ref(), (String) rules.single(STATUS_TABLE, inputs));
    }
    cycle.validated(year, period, body, by, statuses);
  }
}
