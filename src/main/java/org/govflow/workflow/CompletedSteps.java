package org.govflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who completed a step of a process, for a register's "recorded by": the person completing it now,
 * or else the last one who completed that task of the process (a timer or a retried job acts
 * alone).
 */
public final class CompletedSteps {

  private CompletedSteps() {}

  public static String by(DelegateExecution execution, String taskKey, String fallback) {
    String current = Actors.current(execution);
    if (current != null) {
      return current;
    }
    var task =
        execution
            .getProcessEngineServices()
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .desc()
            .listPage(0, 1);
    return task.isEmpty() || task.get(0).getAssignee() == null
        ? fallback
        : task.get(0).getAssignee();
  }
}
