package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A member's vote: counted on the process (the completion condition and the rules read the count)
 * and recorded by name.
 */
@Component("voteCast")
record VoteCast(RecommendationRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String vote = text(task, VOTE);
    String counter =
        switch (vote) {
          case "yes" -> IN_FAVOUR;
          case "no" -> AGAINST;
          case "abstain" -> ABSTENTIONS;
          default -> throw new IllegalArgumentException("Not a vote: " + vote);
        };
    DelegateExecution process = task.getExecution().getProcessInstance();
    process.setVariable(counter, number(process, counter, 0) + 1);
    int round = number(task, VOTE_ROUND, 1);
    records.castVote(
        task.getProcessInstanceId(), round, task.getAssignee(), vote, text(task, STATEMENT));
  }
}
