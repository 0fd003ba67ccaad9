package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.recommendations.internal.RecommendationDecisions.CouncilVoteCounted;
import org.springframework.stereotype.Component;

/** The council's vote, as the rules counted it, into the decision register. */
@Component("voteRecorded")
record VoteRecorded(RecommendationDecisions decisions) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    decisions.recordCouncilVote(
        new CouncilVoteCounted(
            execution.getProcessInstanceId(),
            number(execution, VOTE_ROUND, 1),
            text(execution, VOTE_OUTCOME),
            number(execution, COUNCIL_SIZE, 0),
            number(execution, IN_FAVOUR, 0),
            number(execution, AGAINST, 0),
            number(execution, ABSTENTIONS, 0),
            text(execution, DOCUMENT_SHA256)));
  }
}
