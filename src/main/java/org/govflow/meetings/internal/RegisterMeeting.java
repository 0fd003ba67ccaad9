package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the requested (or revised, or reconvened) meeting and sets the dates the model runs on.
 */
@Component("registerMeeting")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegisterMeeting implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Convocations convocations;
  private final MeetingSettings settings;
  private final Clock clock;

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    ZoneId zone = MeetingSchedule.zone(execution.getVariable(TIME_ZONE));
    Meeting meeting =
        convocations.register(
            new Convocations.MeetingRequest(
                execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(),
                (String) execution.getVariable(BODY),
                (String) execution.getVariable(TITLE),
                MeetingSchedule.wallClock(execution.getVariable(START), zone),
                MeetingSchedule.wallClock(execution.getVariable(END), zone),
                (String) execution.getVariable(LOCATION),
                languages(execution.getVariable(LANGUAGES)),
                lines(execution.getVariable(DRAFT_AGENDA))));
    execution.setVariables(
        MeetingSchedule.variables(meeting.start(), meeting.end(), clock.instant(), settings));
    execution.setVariable(
        RECONVENING, ADJOURN_RECONVENE.equals(execution.getVariable(ADJOURNMENT)));
  }

  /** The checklist's values, stored by the form as JSON text. */
  private static List<String> languages(Object value) throws Exception {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return JSON.readValue(value.toString(), new TypeReference<List<String>>() {});
  }

  private static List<String> lines(Object value) {
    return value == null ? List.of() : value.toString().lines().map(String::strip).toList();
  }
}
