package org.govflow.meetings.internal;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.govflow.meetings.MeetingSettings;
import org.springframework.stereotype.Component;

/** Stores the draft minutes as a document version and opens the members' review period. */
@Component("storeMinutes")
class StoreMinutes implements JavaDelegate {

  private final MeetingManagement meetings;
  private final MeetingSettings settings;
  private final Clock clock;

  StoreMinutes(MeetingManagement meetings, MeetingSettings settings, Clock clock) {
    this.meetings = meetings;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.draftMinutes(
        execution.getProcessBusinessKey(),
        (String) execution.getVariable(MeetingVariables.MINUTES),
        CompletedBy.of(
            execution, "DraftMinutes", (String) execution.getVariable(MeetingVariables.INITIATOR)));
    execution.setVariable(
        MeetingVariables.MINUTES_REVIEW_END,
        Date.from(clock.instant().plus(settings.minutesReview())));
  }
}
