package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** The silence procedure at the consultation's deadline: silent Sections have no objection. */
@Component("silenceRecorded")
public class SilenceRecorded implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public SilenceRecorded(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recommendations.recordSilence(
        execution.getProcessInstanceId(),
        Actors.intOf(execution.getVariable(CONSULTATION_ROUND), 1),
        RecommendationLists.parse(execution.getVariable(SECTIONS)));
  }
}
