package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/** The council's vote, as the rules counted it, into the decision register. */
@Component("voteRecorded")
public class VoteRecorded implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public VoteRecorded(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recommendations.recordCouncilVote(
        new RecommendationManagement.CouncilVoteCounted(
            execution.getProcessInstanceId(),
            Actors.intOf(execution.getVariable(VOTE_ROUND), 1),
            (String) execution.getVariable(VOTE_OUTCOME),
            Actors.intOf(execution.getVariable(COUNCIL_SIZE), 0),
            Actors.intOf(execution.getVariable(IN_FAVOUR), 0),
            Actors.intOf(execution.getVariable(AGAINST), 0),
            Actors.intOf(execution.getVariable(ABSTENTIONS), 0),
            (String) execution.getVariable(DOCUMENT_SHA256)));
  }
}
