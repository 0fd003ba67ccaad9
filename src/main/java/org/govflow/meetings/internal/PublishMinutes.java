package org.govflow.meetings.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.MeetingManagement;
import org.springframework.stereotype.Component;

/** Publishes the approved minutes and every decision of the meeting to members. */
@Component("publishMinutes")
class PublishMinutes implements JavaDelegate {

  private final MeetingManagement meetings;

  PublishMinutes(MeetingManagement meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.publishMinutes(
        execution.getProcessBusinessKey(), CompletedBy.of(execution, "ApproveMinutes", "system"));
  }
}
