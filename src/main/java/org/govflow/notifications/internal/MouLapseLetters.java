package org.govflow.notifications.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.partnerships.MouLapseNotified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a partner's contact that an MoU will not be renewed: one mail in the partner's language,
 * signed by the focal point, once per MoU and expiry. The contact is not in the directory: the
 * letter is addressed to them as the register names them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MouLapseLetters {

  static final String KIND = "MOU_LAPSE";

  private final Directory directory;
  private final Letters letters;

  @ApplicationModuleListener
  void on(MouLapseNotified event) {
    if (event.contactEmail() == null || event.contactEmail().isBlank()) {
      return;
    }
    Locale language = Locale.forLanguageTag(event.contactLanguage());
    Person contact =
        new Person(
            "mou-contact-" + event.mouId(),
            event.contactName() == null ? event.contactEmail() : event.contactName(),
            event.contactEmail(),
            language,
            ZoneId.of("UTC"),
            false);
    String partner =
        directory.body(event.partnerId()).map(Body::name).map(n -> n.in(language)).orElse("");
    String focalPoint =
        directory.person(event.focalPoint()).map(Person::name).orElse(event.focalPoint());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", event.title());
    model.put("partner", partner);
    model.put(
        "expiresOn",
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(language)
            .format(event.expiresOn()));
    model.put("focalPoint", focalPoint);
    model.put("subjectArgs", new Object[] {event.title()});
    letters.write(
        contact,
        new Letters.Envelope(
            "mou-lapse:" + event.mouId() + ":" + event.expiresOn() + ":" + contact.id(),
            KIND,
            null,
            null),
        "mou-lapse",
        "partnerships.mail.lapse.subject",
        model);
  }
}
