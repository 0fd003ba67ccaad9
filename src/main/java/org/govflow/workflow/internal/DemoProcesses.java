package org.govflow.workflow.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.govflow.workflow.Processes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A few documents awaiting approval in the quick start, so a newcomer's inbox and dashboard are not
 * empty: launched once, by the policy officer, in the demo profile only.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoProcesses {

  private final Processes processes;
  private final RuntimeService runtime;

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (runtime.createProcessInstanceQuery().processDefinitionKey("document-approval").count()
        > 0) {
      return;
    }
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
    launch(
        "Local housing observatory: terms of reference",
        "The council is asked to approve the terms of reference before the call for partners.",
        "council-right-to-city",
        today.plusDays(6));
    launch(
        "Culture 21 actions: 2027 pilot cities",
        "Shortlist of pilot cities for the Culture 21 Actions programme.",
        "council-opportunities-culture-diplomacy",
        today.plusDays(2));
    launch(
        "Mission report: Daejeon preparatory meeting",
        "Report of the preparatory mission for the World Congress, for the Bureau's approval.",
        "executive-bureau",
        today.plusDays(12));
  }

  private void launch(String title, String summary, String body, LocalDate respondBy) {
    processes.start(
        "document-approval",
        Map.of(
            "title", title,
            "summary", summary,
            "approvingBody", body,
            "respondBy", respondBy.toString()),
        "officer");
  }
}
