package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who completed a step of the process last, for the register's "recorded by". */
final class CompletedBy {

  private CompletedBy() {}

  static String of(DelegateExecution execution, String taskKey, String fallback) {
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
