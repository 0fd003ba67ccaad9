package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/**
 * Whether the council vote's result can still change: the vote's own rules (the DMN tables) are
 * asked what the result would be if every member still out voted yes, voted no, abstained, or did
 * not vote at all; when every case gives the same result, voting closes.
 */
@Component("voteCount")
public class VoteCount {

  /** The multi-instance completion condition of CouncilVote. */
  public boolean certain(DelegateExecution execution) {
    int instances = Actors.intOf(execution.getVariable("nrOfInstances"), 0);
    int completed = Actors.intOf(execution.getVariable("nrOfCompletedInstances"), 0);
    int remaining = Math.max(0, instances - completed);
    if (remaining == 0) {
      return true;
    }
    int size = Actors.intOf(execution.getVariable(COUNCIL_SIZE), instances);
    int yes = Actors.intOf(execution.getVariable(IN_FAVOUR), 0);
    int no = Actors.intOf(execution.getVariable(AGAINST), 0);
    int abstain = Actors.intOf(execution.getVariable(ABSTENTIONS), 0);
    DecisionService rules = execution.getProcessEngineServices().getDecisionService();
    Set<Object> outcomes = new HashSet<>();
    outcomes.add(result(rules, size, yes + remaining, no, abstain));
    outcomes.add(result(rules, size, yes, no + remaining, abstain));
    outcomes.add(result(rules, size, yes, no, abstain + remaining));
    outcomes.add(result(rules, size, yes, no, abstain));
    return outcomes.size() == 1;
  }

  private static Object result(DecisionService rules, int size, int yes, int no, int abstain) {
    return rules
        .evaluateDecisionByKey(RecommendationManagement.VOTE_RULE)
        .variables(
            org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue(COUNCIL_SIZE, size)
                .putValue(IN_FAVOUR, yes)
                .putValue(AGAINST, no)
                .putValue(ABSTENTIONS, abstain))
        .evaluate()
        .getSingleResult()
        .getSingleEntry();
  }
}
