package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A co-chair's review, recorded; one request for changes sends the draft back. */
@Component("reviewGiven")
record ReviewGiven(RecommendationRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String review = text(task, REVIEW);
    int version = number(task, DOCUMENT_VERSION, 1);
    records.recordReview(
        task.getProcessInstanceId(),
        task.getAssignee(),
        version,
        review,
        text(task, REVIEW_COMMENT));
    if ("changes".equals(review)) {
      task.getExecution().getProcessInstance().setVariable(CHANGES_REQUESTED, true);
    }
  }
}
