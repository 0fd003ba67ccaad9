package org.govflow.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes one message to one person: rendered from its templates in their language and time zone,
 * stored in the outbox in the caller's transaction unless its dedupe key is there already. What the
 * listeners (tasks, decisions, outcomes) and the digest share.
 */
@Component
class Letters {

  private final Directory directory;
  private final MessageRenderer renderer;
  private final Outbox outbox;
  private final Clock clock;
  private final String baseUrl;

  Letters(
      Directory directory,
      MessageRenderer renderer,
      Outbox outbox,
      Clock clock,
      @Value("${govflow.base-url:http://localhost:8080}") String baseUrl) {
    this.directory = directory;
    this.renderer = renderer;
    this.outbox = outbox;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Where a message is filed: unique by its dedupe key, of a kind, about a task (or none), with a
   * link (or none).
   */
  record Envelope(String dedupeKey, String kind, String taskId, String link) {}

  Optional<Person> person(String personId) {
    return directory.person(personId);
  }

  /** A link into govflow as people reach it: {@code /tasks/42} becomes an absolute address. */
  String link(String path) {
    return baseUrl + path;
  }

  Instant now() {
    return clock.instant();
  }

  /** One person's copy of a message to many: where it is filed, and PENDING or DIGEST. */
  record Addressee(Person person, Envelope envelope, String status) {}

  /**
   * Renders and stores one message to many people: rendered once per language and time zone (the
   * model is asked of the first reader of each), each copy greeting its reader by name, all stored
   * in one round trip; how many this call stored (a dedupe key already there stores nothing).
   */
  int writeAll(
      List<Addressee> to,
      String template,
      String subjectKey,
      Function<Person, Map<String, Object>> model) {
    Map<List<Object>, MessageRenderer.Shared> shared = new HashMap<>();
    List<Outbox.Filed> filed = new ArrayList<>(to.size());
    for (Addressee a : to) {
      Person person = a.person();
      MessageRenderer.Rendered message =
          shared
              .computeIfAbsent(
                  List.of(person.language(), person.timeZone()),
                  k -> renderer.renderShared(template, person, subjectKey, model.apply(person)))
              .to(person);
      filed.add(new Outbox.Filed(message(person, a.envelope(), message), a.status()));
    }
    return outbox.addAll(filed, now());
  }

  /** Renders and stores a message to be sent now; true when this call stored it. */
  boolean write(
      Person to, Envelope envelope, String template, String subjectKey, Map<String, Object> model) {
    return write(to, envelope, template, subjectKey, model, Outbox.PENDING);
  }

  /** Like the other, held for the recipient's digest when status is {@link Outbox#DIGEST}. */
  boolean write(
      Person to,
      Envelope envelope,
      String template,
      String subjectKey,
      Map<String, Object> model,
      String status) {
    MessageRenderer.Rendered message = renderer.render(template, to, subjectKey, model);
    return outbox.add(message(to, envelope, message), now(), status);
  }

  private static OutboxMessage message(
      Person to, Envelope envelope, MessageRenderer.Rendered message) {
    return new OutboxMessage(
        envelope.dedupeKey(),
        envelope.kind(),
        to.id(),
        to.email(),
        envelope.taskId(),
        envelope.link(),
        message.subject(),
        message.text(),
        message.html(),
        null,
        null);
  }
}
