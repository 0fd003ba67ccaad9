package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RunningProcesses;
import org.govflow.workflow.StartedProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An upcoming World Council in the quick start, convened and with its agenda in preparation: the
 * sections and policy councils have the call for agenda items in their inbox, the members their
 * attendance to confirm. Launched once, in the demo profile only.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoMeetings {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private final Processes processes;
  private final RunningProcesses running;

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (running.startedCount(PROCESS_KEY) > 0) {
      return;
    }
    LocalDate day = LocalDate.now(MADRID).plusDays(45);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(BODY, "world-council");
    values.put(TITLE, "World Council, ordinary session");
    values.put(START, day + "T10:00");
    values.put(END, day.plusDays(1) + "T13:00");
    values.put(TIME_ZONE, MADRID.getId());
    values.put(LOCATION, "Barcelona, Carrer Avinyó 15, and online");
    values.put(LANGUAGES, "[\"en\",\"fr\",\"es\"]");
    values.put(
        DRAFT_AGENDA,
        "Opening and adoption of the agenda\n"
            + "Report of the Secretary General\n"
            + "Financial statements 2025\n"
            + "[statute] Amendment of article 12: representation of the Forum of Regions");
    StartedProcess meeting = processes.start(PROCESS_KEY, values, "officer");
    running.openTasks(meeting.id(), "ApproveConvocation").stream()
        .findFirst()
        .ifPresent(
            approval ->
                running.completeAs(
                    "president", approval.taskId(), Map.of("convocationDecision", "approve")));
  }
}
