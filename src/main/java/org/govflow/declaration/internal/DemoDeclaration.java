package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RunningProcesses;
import org.govflow.workflow.StartedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Daejeon Declaration in its first round in the quick start: a zero draft of twelve paragraphs,
 * amendments already filed by the Europe section and #CitiesAreListening, and the Africa section's
 * focal point (ibrahima.sarr) with the task to file the section's. Launched once, by the policy
 * officer, in the demo profile only.
 */
@Component
@Profile("demo")
record DemoDeclaration(Processes processes, RunningProcesses running, DeclarationTexts texts) {

  private static final Logger log = LoggerFactory.getLogger(DemoDeclaration.class);

  static final String ZERO_DRAFT =
      """
      # The Daejeon Declaration: the Pact for the Future of Humanity

      1. We, the local and regional governments gathered in Daejeon for the World Summit, speak for the communities closest to the people.
      2. We recognise that the crises of our time, from the climate emergency to growing inequality, are lived first in our cities and territories.
      3. We commit to place care, equality and the well-being of people at the centre of local public policy.
      4. We call for a renewed multilateral system in which local and regional governments have a seat at the table.
      5. We commit to reduce the emissions of our cities and to adapt our territories to the effects of climate change.
      6. We will protect and restore the ecosystems on which our cities depend, and make nature part of urban planning.
      7. We affirm the right to the city: to adequate housing, public space, mobility and basic services for all.
      8. We commit to the localisation of the 2030 Agenda and to reporting on our progress through voluntary local reviews.
      9. We call for fair access of local governments to finance, including climate finance, and for fiscal decentralisation.
      10. We will open our institutions to citizens, listen to civil society and involve young people in public decisions.
      11. We recognise culture as a pillar of sustainable development and a foundation of peace between peoples.
      12. We entrust our world organisation with following up this Pact and reporting to our next World Congress.
      """;

  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  void seed() {
    if (running.startedCount(PROCESS) > 0) {
      return;
    }
    try {
      StartedProcess started =
          processes.start(
              PROCESS,
              Map.of(
                  TITLE,
                  "The Daejeon Declaration",
                  DRAFT,
                  ZERO_DRAFT,
                  LANGUAGE,
                  "en",
                  GROUPS,
                  "[\"section-africa\",\"section-europe\",\"section-latin-america\","
                      + "\"host-city-daejeon\",\"cities-are-listening\"]",
                  ROUNDS,
                  2,
                  ROUND_DAYS,
                  21),
              "officer");
      String pid = started.id();
      Participant europe = new Participant("elise.vandamme", Set.of("section-europe"), false);
      texts.file(
          pid,
          europe,
          "section-europe",
          "modify",
          "p5",
          "We commit to halve the emissions of our cities by 2030, to reach net zero by 2050, and"
              + " to adapt our territories to the effects of climate change.",
          "A commitment without figures cannot be followed up.");
      texts.file(
          pid,
          europe,
          "section-europe",
          "insert-after",
          "p7",
          "We commit to end homelessness in our cities, with housing first policies.",
          "Housing is where the right to the city starts.");
      Participant listening =
          new Participant("amara.okafor", Set.of("cities-are-listening"), false);
      texts.file(
          pid,
          listening,
          "cities-are-listening",
          "modify",
          "p10",
          "We will open our institutions to citizens, co-create public decisions with civil"
              + " society, and give young people and women an equal voice.",
          "Listening is not enough: the consultation asked for co-creation.");
      texts.file(
          pid,
          listening,
          "cities-are-listening",
          "comment",
          null,
          "The #CitiesAreListening consultations ask that the Declaration be written in plain"
              + " language.",
          "");
      log.info("Demo declaration {} seeded in its first round", started.businessKey());
    } catch (ProcessEngineException | IllegalStateException | Refusal e) {
      log.warn("Demo declaration not (fully) seeded: {}", e.getMessage());
    }
  }
}
