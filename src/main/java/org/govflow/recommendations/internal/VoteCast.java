package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/**
 * A member's vote: counted on the process (the completion condition and the rules read the count)
 * and recorded by name.
 */
@Component("voteCast")
public class VoteCast implements TaskListener {

  private final RecommendationManagement recommendations;

  public VoteCast(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void notify(DelegateTask task) {
    String vote = (String) task.getVariable(VOTE);
    String counter =
        switch (vote) {
          case "yes" -> IN_FAVOUR;
          case "no" -> AGAINST;
          case "abstain" -> ABSTENTIONS;
          default -> throw new IllegalArgumentException("Not a vote: " + vote);
        };
    DelegateExecution process = task.getExecution().getProcessInstance();
    process.setVariable(counter, Actors.intOf(process.getVariable(counter), 0) + 1);
    recommendations.castVote(
        task.getProcessInstanceId(),
        Actors.intOf(task.getVariable(VOTE_ROUND), 1),
        task.getAssignee(),
        vote,
        (String) task.getVariable(STATEMENT));
  }
}
