package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.recommendations.RecommendationSettings;
import org.springframework.stereotype.Component;

/**
 * Opens a voting round: the count starts at zero and the vote closes at the secretariat's close of
 * business at the end of the voting period.
 */
@Component("voteOpened")
public class VoteOpened implements JavaDelegate {

  private final RecommendationRouting routing;
  private final BusinessCalendar calendar;
  private final RecommendationSettings settings;

  public VoteOpened(
      RecommendationRouting routing, BusinessCalendar calendar, RecommendationSettings settings) {
    this.routing = routing;
    this.calendar = calendar;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VOTE_ROUND, Actors.intOf(execution.getVariable(VOTE_ROUND), 0) + 1);
    execution.setVariable(
        COUNCIL_SIZE, routing.members((String) execution.getVariable(COUNCIL)).size());
    execution.setVariable(IN_FAVOUR, 0);
    execution.setVariable(AGAINST, 0);
    execution.setVariable(ABSTENTIONS, 0);
    execution.setVariable(
        VOTE_ENDS,
        Date.from(
            calendar.closeOf(
                calendar
                    .dayOf(ClockUtil.getCurrentTime().toInstant())
                    .plusDays(settings.votePeriod()))));
  }
}
