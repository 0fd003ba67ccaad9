package org.govflow.notifications.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.partnerships.Partnerships;
import org.govflow.workflow.DueTasks;
import org.govflow.workflow.StepNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's calendar: the deadlines of the tasks they may act on (their own, and their bodies'),
 * readable with their login or with a secret token that calendar apps can subscribe to.
 */
@Component
class CalendarFeed {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration PAST = Duration.ofDays(30);

  private final JdbcTemplate jdbc;
  private final DueTasks tasks;
  private final Directory directory;
  private final Letters letters;
  private final StepNames steps;
  private final Partnerships partnerships;
  private final MessageSource messages;
  private final String baseUrl;

  CalendarFeed(
      JdbcTemplate jdbc,
      DueTasks tasks,
      Directory directory,
      Letters letters,
      StepNames steps,
      Partnerships partnerships,
      MessageSource messages,
      @Value("${govflow.base-url:}") String baseUrl) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.directory = directory;
    this.letters = letters;
    this.steps = steps;
    this.partnerships = partnerships;
    this.messages = messages;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Where links in a feed point: {@code govflow.base-url} when set, else the host (and context
   * path) the request came to, so that a feed read at https://govflow.example.org links there.
   */
  String base() {
    if (!baseUrl.isBlank()) {
      return baseUrl;
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  /**
   * The person's feed as iCalendar: open tasks due from 30 days ago on, and the meetings they were
   * invited to, each in its latest version; tasks named in the person's language, each with an
   * alarm the day before it is due.
   */
  String ics(String personId) {
    Instant now = letters.now();
    String base = base();
    Locale locale = directory.person(personId).map(Person::language).orElse(Locale.ENGLISH);
    List<String> bodies =
        directory.membershipsOf(personId).stream().map(Membership::bodyId).toList();
    List<ICalendar.Deadline> deadlines =
        tasks.ofPerson(personId, bodies, now.minus(PAST), 1000).stream()
            .map(
                t -> {
                  String name = steps.step(t.processKey(), t.taskKey(), t.taskName(), locale);
                  return new ICalendar.Deadline(
                      t.taskId(),
                      name,
                      t.due(),
                      base + "/tasks/" + t.taskId(),
                      messages.getMessage(
                          "notifications.calendar.alarm", new Object[] {name}, locale));
                })
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    deadlines.addAll(mouDates(personId, base));
    List<String> invitations =
        jdbc.queryForList(
            "select calendar from notification where recipient_id = ? and kind = ?"
                + " and calendar is not null order by created_at",
            String.class,
            personId,
            MeetingMessages.CONVOCATION);
    return ICalendar.feed(deadlines, invitations, now);
  }

  /**
   * The notice dates and expiries of the MoUs the person is the focal point of, at the end of the
   * day in their time zone, named in their language.
   */
  private List<ICalendar.Deadline> mouDates(String personId, String base) {
    Person person = directory.person(personId).orElse(null);
    if (person == null) {
      return List.of();
    }
    return partnerships.datesOf(personId).stream()
        .map(
            d -> {
              String name =
                  messages.getMessage(
                      "partnerships.calendar." + d.kind(),
                      new Object[] {d.title()},
                      person.language());
              return new ICalendar.Deadline(
                  "mou-" + d.mouId() + "-" + d.kind() + "-" + d.date(),
                  name,
                  d.date()
                      .atTime(java.time.LocalTime.of(18, 0))
                      .atZone(person.timeZone())
                      .toInstant(),
                  base + "/partnerships/" + d.mouId(),
                  messages.getMessage(
                      "notifications.calendar.alarm", new Object[] {name}, person.language()));
            })
        .toList();
  }

  /** The person's subscription token, created on first use. */
  @Transactional
  String token(String personId) {
    List<String> existing =
        jdbc.queryForList(
            "select token from calendar_feed where person_id = ?", String.class, personId);
    return existing.isEmpty() ? renew(personId) : existing.get(0);
  }

  /** A new token; the old one stops working. */
  @Transactional
  String renew(String personId) {
    String token = newToken();
    int updated =
        jdbc.update(
            "update calendar_feed set token = ?, created_at = ? where person_id = ?",
            token,
            letters.now().atOffset(ZoneOffset.UTC),
            personId);
    if (updated == 0) {
      jdbc.update(
          "insert into calendar_feed (person_id, token, created_at) values (?, ?, ?)",
          personId,
          token,
          letters.now().atOffset(ZoneOffset.UTC));
    }
    return token;
  }

  Optional<String> personOf(String token) {
    return jdbc
        .queryForList("select person_id from calendar_feed where token = ?", String.class, token)
        .stream()
        .findFirst();
  }

  String url(String token) {
    return base() + "/api/v1/calendar/" + token + ".ics";
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
