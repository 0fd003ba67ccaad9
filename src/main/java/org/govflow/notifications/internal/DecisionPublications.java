package org.govflow.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionPublished;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members of the body that decided when its decision is published: once the publication
 * has committed, in a transaction of its own (the event publication registry keeps the event until
 * then, and re-publishes it at start-up if a node stopped first), once per decision and member, in
 * each member's language.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DecisionPublications {

  static final String KIND = "DECISION";

  private final Directory directory;
  private final Letters letters;

  @ApplicationModuleListener
  void on(DecisionPublished event) {
    Body body = directory.body(event.bodyId()).orElse(null);
    String link = letters.link("/decisions/" + event.decisionId());
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
      String key = "decision:" + event.decisionId() + ":" + KIND + ":" + person.id();
      letters.write(
          person,
          new Letters.Envelope(key, KIND, null, link),
          "decision",
          "notifications.decision.subject",
          model);
    }
  }
}
