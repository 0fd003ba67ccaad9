package org.govflow.workplan.internal;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A body's report task lists the actions it reports on (reference, progress so far, text), as a
 * task-local text the form shows, so that the focal point reports without leaving the task.
 */
@Component("workplanReportOffered")
record ReportOffered(ReportCycle cycle) implements TaskListener {

  static final String ACTIONS = "actions";

  @Override
  public void notify(DelegateTask task) {
    String body = CycleVariables.text(task, CycleVariables.BODY);
    String list =
        cycle.actionsOf(CycleVariables.year(task), body).stream()
            .map(
                a ->
                    a.ref()
                        + " ("
                        + a.progress()
                        + "%): "
                        + WorkPlanText.plain(a.text()).replace('\n', ' '))
            .collect(Collectors.joining(" · "));
    task.setVariableLocal(ACTIONS, list);
  }
}
