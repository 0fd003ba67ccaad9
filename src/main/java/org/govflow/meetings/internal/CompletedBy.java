package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who completed a step of the process, for the register's "recorded by": the person completing it
 * now, or else the last one who did.
 */
final class CompletedBy {

  private CompletedBy() {}

  static String of(DelegateExecution execution, String taskKey, String fallback) {
    // the step runs right after the task, as whoever completed it
    var current =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
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
