package org.govflow.meetings.internal;

import java.time.Clock;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.govflow.meetings.Meeting;
import org.govflow.workflow.AwaitedDecisions;
import org.govflow.workflow.RuleTables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The day of the meeting: the body's decision on each agenda item, in the register. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Sittings {

  private final MeetingRepository meetings;
  private final DecisionRegister register;
  private final AwaitedDecisions awaited;
  private final RuleTables rules;
  private final Clock clock;

  /**
   * The body's decision on one agenda item, in the register; a decision on a recommendation is
   * recorded under that recommendation's process and given to it, in the same transaction.
   *
   * @param quorum the quorum checked at the sitting, or null for a written procedure
   */
  @Transactional
  Decided decide(
      long itemId,
      String outcome,
      Votes votes,
      Quorum quorum,
      String meetingProcessInstanceId,
      String recordedBy) {
    AgendaItem item =
        meetings
            .item(itemId)
            .orElseThrow(() -> new IllegalArgumentException("No agenda item " + itemId));
    Meeting meeting = meetings.require(meetings.meetingOfItem(itemId));
    boolean recommendation = item.recommendation();
    Decision decision =
        register.record(
            new NewDecision(
                meeting.bodyId(),
                recommendation ? item.awaitedProcessKey() : MeetingVariables.PROCESS_KEY,
                recommendation ? item.awaitedProcessInstanceId() : meetingProcessInstanceId,
                recommendation ? item.awaitedBusinessKey() : meeting.businessKey(),
                item.title(),
                outcome,
                votes,
                List.of(),
                quorum,
                new RuleApplied(
                    MeetingVariables.MAJORITY_RULE,
                    rules.latestVersion(MeetingVariables.MAJORITY_RULE)),
                item.documentSha256(),
                clock.instant(),
                recordedBy));
    meetings.decided(itemId, outcome, decision.id());
    boolean given =
        !recommendation
            || awaited.decide(
                item.awaitedBusinessKey(), outcome, decision.id(), meeting.businessKey());
    return new Decided(decision, given ? null : item.awaitedBusinessKey());
  }

  /**
   * A decision recorded.
   *
   * @param notAwaited the business key of the recommendation it was for, when that process no
   *     longer awaited it; null when it was given, or was not for a waiting process
   */
  record Decided(Decision decision, String notAwaited) {}
}
