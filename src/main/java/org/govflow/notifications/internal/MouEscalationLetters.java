package org.govflow.notifications.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.partnerships.MouEscalated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the Presidency's members and the Secretary General that an MoU's renewal went wrong in
 * time: one mail each, in their language, with the dates in their time zone, naming the MoU and the
 * partner, what happened and what they must do, with a link to the MoU; once per renewal, kind of
 * escalation and person.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MouEscalationLetters {

  static final String KIND = "MOU_ESCALATION";

  private final Directory directory;
  private final Letters letters;

  @ApplicationModuleListener
  void on(MouEscalated event) {
    Set<String> recipients = new LinkedHashSet<>();
    directory.membersOf(event.presidency()).stream()
        .map(Membership::personId)
        .forEach(recipients::add);
    if (event.secretaryGeneral() != null) {
      recipients.add(event.secretaryGeneral());
    }
    for (String personId : recipients) {
      letters.person(personId).ifPresent(person -> write(person, event));
    }
  }

  private void write(Person to, MouEscalated event) {
    Locale language = to.language();
    String partner =
        directory
            .body(event.partnerId())
            .map(Body::name)
            .map(n -> n.in(language))
            .orElse(event.partnerId());
    String prefix = "partnerships.mail.escalation." + event.what();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", event.title());
    model.put("partner", partner);
    model.put("businessKey", event.businessKey());
    model.put("noticeAt", MessageRenderer.dateTime(event.noticeAt(), to));
    model.put("expiryAt", MessageRenderer.dateTime(event.expiryAt(), to));
    model.put(
        "newTermEnd",
        event.newTermEnd() == null
            ? null
            : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(language)
                .format(event.newTermEnd()));
    model.put("happenedKey", prefix + ".body");
    model.put("todoKey", prefix + ".todo");
    String link = letters.link("/partnerships/" + event.mouId());
    model.put("link", link);
    model.put("subjectArgs", new Object[] {event.title(), partner});
    letters.write(
        to,
        new Letters.Envelope(
            "mou-escalation:" + event.businessKey() + ":" + event.what() + ":" + to.id(),
            KIND,
            null,
            link),
        "mou-escalation",
        prefix + ".subject",
        model);
  }
}
