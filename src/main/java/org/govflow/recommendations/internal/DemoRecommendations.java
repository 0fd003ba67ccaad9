package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RunningProcesses;
import org.govflow.workflow.RunningProcesses.OpenStep;
import org.govflow.workflow.StartedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Recommendations at different stages in the quick start, so that co-chairs, focal points, council
 * members and the Presidency find work in their inbox: launched once (none exists yet), by the
 * policy officer, and moved on as the people concerned would, in the demo profile only.
 */
@Component
@Profile("demo")
record DemoRecommendations(
    Processes processes, RunningProcesses running, RecommendationRouting routing) {

  private static final Logger log = LoggerFactory.getLogger(DemoRecommendations.class);
  private static final String ALL_SECTIONS =
      "[\"section-africa\",\"section-aspac\",\"section-eurasia\",\"section-europe\","
          + "\"section-latin-america\",\"section-mewa\",\"section-north-america\","
          + "\"section-metropolis\",\"section-forum-of-regions\"]";

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void seed() {
    if (running.startedCount(PROCESS) > 0) {
      return;
    }
    try {
      // with the co-chairs
      launch(
          "council-right-to-city",
          "Housing as a human right in intermediary cities",
          "The council recommends that members adopt local housing strategies grounded in the"
              + " right to adequate housing.");
      // with the Sections
      String culture =
          launch(
              "council-opportunities-culture-diplomacy",
              "Culture as the fourth pillar of sustainable development",
              "The council recommends that culture be part of every local development plan.");
      reviewed(culture);
      // with the council's members
      String finance =
          launch(
              "council-multilevel-finance",
              "Access of local governments to climate finance",
              "The council recommends direct access of local governments to climate funds.");
      reviewed(finance);
      consulted(finance);
      consolidated(finance, "Consolidated after the consultation of the Sections.");
      // with the Presidency, after the council's vote
      String resilient =
          launch(
              "council-resilient-cities",
              "Local early-warning systems for climate risks",
              "The council recommends that every metropolitan member run an early-warning system.");
      reviewed(resilient);
      consulted(resilient);
      consolidated(resilient, "Consolidated: the Sections had no objection.");
      adopted(resilient, "council-resilient-cities");
      // on the World Council's next agenda (the meetings list what awaits it)
      String awaiting =
          launch(
              "council-right-to-city",
              "Participatory budgeting in secondary cities",
              "The council recommends that members open part of their budget to citizens' votes.");
      reviewed(awaiting);
      consulted(awaiting);
      consolidated(awaiting, "Consolidated: the Sections had no objection.");
      adopted(awaiting, "council-right-to-city");
      for (OpenStep t : open(awaiting, "EndorseRecommendation")) {
        running.completeAs("president", t.taskId(), Map.of(ENDORSEMENT, "endorse"));
      }
    } catch (ProcessEngineException | IllegalStateException e) {
      log.warn("Demo recommendations not (fully) seeded: {}", e.getMessage());
    }
  }

  private String launch(String council, String title, String summary) {
    StartedProcess started =
        processes.start(
            PROCESS,
            Map.of(
                COUNCIL, council,
                TITLE, title,
                SUMMARY, summary,
                DOCUMENT, draft(title, summary),
                SECTIONS, ALL_SECTIONS,
                CONSULTATION_DAYS, 20),
            "officer");
    // the draft is stored after the launch commits, by the job executor or here, whichever first
    running.runDueJobs(started.id());
    return started.id();
  }

  /** A draft as a policy officer writes one, in Markdown. */
  private static String draft(String title, String summary) {
    return "# "
        + title
        + "\n\n"
        + summary
        + "\n\n## Considerations\n\n"
        + "- Local and regional governments are closest to the people concerned.\n"
        + "- The 2030 Agenda and the New Urban Agenda call for their **direct** involvement.\n\n"
        + "## Recommendations\n\n"
        + "1. Members adopt a local strategy within two years.\n"
        + "2. The World Secretariat gathers and shares their experience.\n"
        + "3. The council reports on progress at the next World Council.\n";
  }

  private void reviewed(String processInstanceId) {
    for (OpenStep t : open(processInstanceId, "ReviewByCoChairs")) {
      running.completeAs(t.assignee(), t.taskId(), Map.of(REVIEW, "approve"));
    }
  }

  private void consulted(String processInstanceId) {
    for (OpenStep t : open(processInstanceId, "ConsultSections")) {
      String section = (String) running.taskVariable(t.taskId(), SECTION);
      running.completeAs(routing.focalPoint(section), t.taskId(), Map.of(RESPONSE, "no-objection"));
    }
  }

  private void consolidated(String processInstanceId, String note) {
    for (OpenStep t : open(processInstanceId, CONSOLIDATE)) {
      String text = (String) running.taskVariable(t.taskId(), DOCUMENT);
      running.completeAs("officer", t.taskId(), Map.of(DOCUMENT, text + "\n" + note + "\n"));
    }
  }

  /** A majority of the members vote yes, which closes the vote. */
  private void adopted(String processInstanceId, String council) {
    int needed = routing.members(council).size() / 2 + 1;
    for (OpenStep t : open(processInstanceId, "CouncilVote").subList(0, needed)) {
      running.completeAs(t.assignee(), t.taskId(), Map.of(VOTE, "yes"));
    }
  }

  private List<OpenStep> open(String processInstanceId, String step) {
    List<OpenStep> found = running.openTasks(processInstanceId, step);
    if (found.isEmpty()) {
      throw new IllegalStateException("no open " + step + " in " + processInstanceId);
    }
    return found;
  }
}
