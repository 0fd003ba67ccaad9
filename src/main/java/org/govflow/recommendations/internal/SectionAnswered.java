package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** A Section's answer to the consultation, recorded with its comments for the secretariat. */
@Component("sectionAnswered")
public class SectionAnswered implements TaskListener {

  private final RecommendationManagement recommendations;

  public SectionAnswered(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void notify(DelegateTask task) {
    recommendations.recordAnswer(
        task.getProcessInstanceId(),
        Actors.intOf(task.getVariable(CONSULTATION_ROUND), 1),
        (String) task.getVariable(SECTION),
        task.getAssignee(),
        (String) task.getVariable(RESPONSE),
        (String) task.getVariable(COMMENTS));
  }
}
