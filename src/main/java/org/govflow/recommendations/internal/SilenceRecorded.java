package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import java.util.Collection;
import java.util.List;
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
    Object sections = execution.getVariable(SECTIONS);
    recommendations.recordSilence(
        execution.getProcessInstanceId(),
        Actors.intOf(execution.getVariable(CONSULTATION_ROUND), 1),
        sections instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of());
  }
}
