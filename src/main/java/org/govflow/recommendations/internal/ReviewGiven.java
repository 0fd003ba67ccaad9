package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** A co-chair's review, recorded; one request for changes sends the draft back. */
@Component("reviewGiven")
public class ReviewGiven implements TaskListener {

  private final RecommendationManagement recommendations;

  public ReviewGiven(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void notify(DelegateTask task) {
    String review = (String) task.getVariable(REVIEW);
    recommendations.recordReview(
        task.getProcessInstanceId(),
        task.getAssignee(),
        Actors.intOf(task.getVariable(DOCUMENT_VERSION), 1),
        review,
        (String) task.getVariable(REVIEW_COMMENT));
    if ("changes".equals(review)) {
      task.getExecution().getProcessInstance().setVariable(CHANGES_REQUESTED, true);
    }
  }
}
