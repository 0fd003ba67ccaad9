package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.Votes;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/**
 * Records the decision on the item in the register; a recommendation's process gets the outcome.
 */
@Component("registerMeetingDecision")
class RegisterMeetingDecision implements JavaDelegate {

  private final MeetingManagement meetings;

  RegisterMeetingDecision(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int present = number(execution.getVariable(PRESENT));
    int represented = number(execution.getVariable(REPRESENTED));
    int membership = number(execution.getVariable(MEMBERSHIP));
    int inFavour = number(execution.getVariable(VOTES_FOR));
    int against = number(execution.getVariable(VOTES_AGAINST));
    int abstentions = number(execution.getVariable(ABSTENTIONS));
    @SuppressWarnings("unchecked")
    Map<String, Object> quorum = (Map<String, Object>) execution.getVariable(QUORUM);
    boolean written = ADJOURN_WRITTEN.equals(execution.getVariable(ADJOURNMENT));
    meetings.decide(
        ((Number) execution.getVariable(AGENDA_ITEM)).longValue(),
        (String) execution.getVariable(OUTCOME),
        new Votes(
            inFavour,
            against,
            abstentions,
            Math.max(0, membership - inFavour - against - abstentions)),
        written || quorum == null
            ? null
            : new Quorum(
                present + represented,
                number(quorum.get("required")),
                Boolean.TRUE.equals(quorum.get("quorumMet"))),
        execution.getProcessInstanceId(),
        CompletedBy.of(execution, "RecordDecision", "system"));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
