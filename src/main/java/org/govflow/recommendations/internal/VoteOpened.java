package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;
import static org.govflow.recommendations.internal.StepVariables.text;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Opens a voting round: the count starts at zero and the vote closes at the secretariat's close of
 * business at the end of the voting period.
 */
@Component("voteOpened")
record VoteOpened(
    RecommendationRouting routing, BusinessCalendar calendar, RecommendationSettings settings)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Date ends =
        Date.from(
            calendar.closeOf(calendar.dayOf(EngineClock.now()).plusDays(settings.votePeriod())));
    execution.setVariables(
        Map.of(
            VOTE_ROUND,
            number(execution, VOTE_ROUND, 0) + 1,
            COUNCIL_SIZE,
            routing.members(text(execution, COUNCIL)).size(),
            IN_FAVOUR,
            0,
            AGAINST,
            0,
            ABSTENTIONS,
            0,
            VOTE_ENDS,
            ends));
  }
}
