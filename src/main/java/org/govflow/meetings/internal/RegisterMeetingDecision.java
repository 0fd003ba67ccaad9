package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.ABSTENTIONS;
import static org.govflow.meetings.internal.MeetingVariables.ADJOURNMENT;
import static org.govflow.meetings.internal.MeetingVariables.ADJOURN_WRITTEN;
import static org.govflow.meetings.internal.MeetingVariables.AGENDA_ITEM;
import static org.govflow.meetings.internal.MeetingVariables.MEMBERSHIP;
import static org.govflow.meetings.internal.MeetingVariables.OUTCOME;
import static org.govflow.meetings.internal.MeetingVariables.PRESENT;
import static org.govflow.meetings.internal.MeetingVariables.QUORUM_MET;
import static org.govflow.meetings.internal.MeetingVariables.QUORUM_REQUIRED;
import static org.govflow.meetings.internal.MeetingVariables.REPRESENTED;
import static org.govflow.meetings.internal.MeetingVariables.VOTES_AGAINST;
import static org.govflow.meetings.internal.MeetingVariables.VOTES_FOR;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.Votes;
import org.govflow.workflow.AwaitedDecisions;
import org.govflow.workflow.CompletedSteps;
import org.springframework.stereotype.Component;

/**
 * Records the decision on the item in the register; a recommendation's process gets the outcome,
 * and a recommendation that no longer waits for it raises an incident on the meeting.
 */
@Component("registerMeetingDecision")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegisterMeetingDecision implements JavaDelegate {

  private final Sittings sittings;

  @Override
  public void execute(DelegateExecution execution) {
    int membership = number(execution.getVariable(MEMBERSHIP));
    int inFavour = number(execution.getVariable(VOTES_FOR));
    int against = number(execution.getVariable(VOTES_AGAINST));
    int abstentions = number(execution.getVariable(ABSTENTIONS));
    boolean written = ADJOURN_WRITTEN.equals(execution.getVariable(ADJOURNMENT));
    Object met = execution.getVariable(QUORUM_MET);
    String outcome = (String) execution.getVariable(OUTCOME);
    Sittings.Decided decided =
        sittings.decide(
            ((Number) execution.getVariable(AGENDA_ITEM)).longValue(),
            outcome,
            new Votes(inFavour, against, abstentions, absent(execution, membership, written)),
            written || met == null
                ? null
                : new Quorum(
                    number(execution.getVariable(PRESENT))
                        + number(execution.getVariable(REPRESENTED)),
                    number(execution.getVariable(QUORUM_REQUIRED)),
                    Boolean.TRUE.equals(met)),
            execution.getProcessInstanceId(),
            CompletedSteps.by(execution, "RecordDecision", "system"));
    if (decided.notAwaited() != null) {
      AwaitedDecisions.notAwaited(execution, decided.notAwaited(), outcome);
    }
  }

  /**
   * The members absent: those neither present nor represented at the sitting, from the attendance;
   * in a written procedure, those who did not vote.
   */
  private static int absent(DelegateExecution execution, int membership, boolean written) {
    int taking =
        written
            ? number(execution.getVariable(VOTES_FOR))
                + number(execution.getVariable(VOTES_AGAINST))
                + number(execution.getVariable(ABSTENTIONS))
            : number(execution.getVariable(PRESENT)) + number(execution.getVariable(REPRESENTED));
    return Math.max(0, membership - taking);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
