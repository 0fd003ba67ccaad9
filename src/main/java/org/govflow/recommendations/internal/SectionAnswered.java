package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A Section's answer to the consultation, recorded with its comments for the secretariat. */
@Component("sectionAnswered")
record SectionAnswered(RecommendationRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    SectionAnswer answer = Coded.stored(SectionAnswer.class, text(task, RESPONSE));
    int round = number(task, CONSULTATION_ROUND, 1);
    String section = text(task, SECTION);
    String pid = task.getProcessInstanceId();
    records.recordAnswer(pid, round, section, task.getAssignee(), answer, text(task, COMMENTS));
  }
}
