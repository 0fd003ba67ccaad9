package org.govflow.notifications.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Person;
import org.govflow.notifications.Notification;
import org.govflow.notifications.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers, once a day at the digest time in each reader's own zone, the messages held for them into
 * one digest in the outbox. Per person in one transaction: the held rows are locked (skipping any
 * another node holds), the digest is written under a key unique per person and day, and the rows
 * are marked digested; two nodes therefore never send two digests for one day.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DailyDigest implements SchedulingConfigurer {

  static final String KIND = "DIGEST";

  private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

  private final Outbox outbox;
  private final Letters letters;
  private final NotificationSettings settings;
  private final TransactionTemplate transactions;

  /** Writes the digests that are due; returns how many. */
  int run() {
    int written = 0;
    for (String personId : outbox.awaitingDigest()) {
      Person person = letters.person(personId).orElse(null);
      if (person == null) {
        continue;
      }
      Boolean done = transactions.execute(status -> digest(person));
      written += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return written;
  }

  private boolean digest(Person person) {
    Instant now = letters.now();
    ZonedDateTime local = now.atZone(person.timeZone());
    if (local.toLocalTime().isBefore(settings.digestTime())) {
      return false;
    }
    List<Notification> items = outbox.lockDigest(person.id());
    if (items.isEmpty()) {
      return false;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("items", items);
    model.put("subjectArgs", new Object[] {items.size()});
    String key = "digest:" + person.id() + ":" + local.toLocalDate();
    boolean added =
        letters.write(
            person,
            new Letters.Envelope(key, KIND, null, null),
            "digest",
            "notifications.digest.subject",
            model);
    if (added) {
      outbox.digested(items);
    }
    // when today's digest went out already, these wait for tomorrow's
    return added;
  }

  /** Runs on Spring's task scheduler, on every node, at the configured interval. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> {
              try {
                run();
              } catch (RuntimeException e) {
                log.warn("Daily digest failed, trying again later: {}", e.toString());
              }
            },
            settings.digestInterval(),
            settings.digestInterval()));
  }
}
