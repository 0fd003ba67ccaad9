package org.govflow.notifications.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govflow.decisions.DecisionPublished;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members of the body that decided when its decision is published: in the transaction
 * that publishes it (the outbox row commits with the publication or not at all), once per decision
 * and member, in each member's language.
 */
@Component
class DecisionPublications {

  static final String KIND = "DECISION";

  private final Directory directory;
  private final MessageRenderer renderer;
  private final Outbox outbox;
  private final Clock clock;
  private final String baseUrl;

  DecisionPublications(
      Directory directory,
      MessageRenderer renderer,
      Outbox outbox,
      java.util.Optional<Clock> clock,
      @Value("${govflow.base-url:http://localhost:8080}") String baseUrl) {
    this.directory = directory;
    this.renderer = renderer;
    this.outbox = outbox;
    this.clock = clock.orElse(Clock.systemUTC());
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @EventListener
  void on(DecisionPublished event) {
    Body body = directory.body(event.bodyId()).orElse(null);
    String link = baseUrl + "/decisions/" + event.decisionId();
    for (Membership seat : directory.membersOf(event.bodyId())) {
      Person person = directory.person(seat.personId()).orElse(null);
      if (person == null) {
        continue;
      }
      String bodyName = body == null ? event.bodyId() : body.name().in(person.language());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("body", bodyName);
      model.put("subject", event.subject());
      model.put("outcome", event.outcome());
      model.put("businessKey", event.businessKey());
      model.put("decidedAt", event.decidedAt().atZone(person.timeZone()));
      model.put("link", link);
      model.put("subjectArgs", new Object[] {bodyName, event.subject()});
      MessageRenderer.Rendered message =
          renderer.render("decision", person, "notifications.decision.subject", model);
      outbox.add(
          new OutboxMessage(
              "decision:" + event.decisionId() + ":" + KIND + ":" + person.id(),
              KIND,
              person.id(),
              person.email(),
              null,
              link,
              message.subject(),
              message.text(),
              message.html()),
          clock.instant());
    }
  }
}
