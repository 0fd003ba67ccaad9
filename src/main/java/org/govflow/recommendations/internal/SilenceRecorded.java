package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The silence procedure at the consultation's deadline: silent Sections have no objection. */
@Component("silenceRecorded")
record SilenceRecorded(RecommendationRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    var consulted = RecommendationLists.parse(execution.getVariable(SECTIONS));
    int round = number(execution, CONSULTATION_ROUND, 1);
    records.recordSilence(execution.getProcessInstanceId(), round, consulted);
  }
}
