package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.govflow.workflow.RuleTables;
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
    int instances = number(execution, "nrOfInstances", 0);
    int remaining = Math.max(0, instances - number(execution, "nrOfCompletedInstances", 0));
    if (remaining == 0) {
      return true;
    }
    int size = number(execution, COUNCIL_SIZE, instances);
    int yes = number(execution, IN_FAVOUR, 0);
    int no = number(execution, AGAINST, 0);
    int abstain = number(execution, ABSTENTIONS, 0);
    RuleTables rules = RuleTables.of(execution);
    Set<Object> outcomes = new HashSet<>();
    outcomes.add(result(rules, size, yes + remaining, no, abstain));
    outcomes.add(result(rules, size, yes, no + remaining, abstain));
    outcomes.add(result(rules, size, yes, no, abstain + remaining));
    outcomes.add(result(rules, size, yes, no, abstain));
    return outcomes.size() == 1;
  }

  private static Object result(RuleTables rules, int size, int yes, int no, int abstain) {
    return rules.single(
        VOTE_RULE, Map.of(COUNCIL_SIZE, size, IN_FAVOUR, yes, AGAINST, no, ABSTENTIONS, abstain));
  }
}
