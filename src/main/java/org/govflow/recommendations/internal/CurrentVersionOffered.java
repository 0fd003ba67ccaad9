package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Offers the current version's text to the form that writes the next one (revising the draft,
 * consolidating): read from the documents module when the task is created, and kept on the task
 * alone, so that it goes when the task is done and the process keeps only the version's id.
 */
@Component("currentVersionOffered")
record CurrentVersionOffered(RecommendationRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(
        DOCUMENT, records.text(text(task, DOCUMENT_ID), number(task, DOCUMENT_VERSION, 1)));
  }
}
