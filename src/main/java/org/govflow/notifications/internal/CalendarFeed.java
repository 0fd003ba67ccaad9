package org.govflow.notifications.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.partnerships.Partnerships;
import org.govflow.workflow.DueTasks;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's calendar: the deadlines of the tasks they may act on (their own, and their bodies'),
 * readable with their login or with a secret token that calendar apps can subscribe to.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarFeed {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration PAST = Duration.ofDays(30);

  private final JdbcTemplate jdbc;
  private final DueTasks tasks;
  private final Directory directory;
  private final Letters letters;
  private final Partnerships partnerships;
  private final MessageSource messages;

  /**
   * The person's feed as iCalendar: open tasks due from 30 days ago on, and the meetings they were
   * invited to, each in its latest version.
   */
  String ics(String personId) {
    Instant now = letters.now();
    List<String> bodies =
        directory.membershipsOf(personId).stream().map(Membership::bodyId).toList();
    List<ICalendar.Deadline> deadlines =
        tasks.ofPerson(personId, bodies, now.minus(PAST), 1000).stream()
            .map(
                t ->
                    new ICalendar.Deadline(
                        t.taskId(), t.taskName(), t.due(), letters.link("/tasks/" + t.taskId())))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    deadlines.addAll(mouDates(personId));
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
  private List<ICalendar.Deadline> mouDates(String personId) {
    Person person = directory.person(personId).orElse(null);
    if (person == null) {
      return List.of();
    }
    return partnerships.datesOf(personId).stream()
        .map(
            d ->
                new ICalendar.Deadline(
                    "mou-" + d.mouId() + "-" + d.kind() + "-" + d.date(),
                    messages.getMessage(
                        "partnerships.calendar." + d.kind(),
                        new Object[] {d.title()},
                        person.language()),
                    d.date()
                        .atTime(java.time.LocalTime.of(18, 0))
                        .atZone(person.timeZone())
                        .toInstant(),
                    letters.link("/partnerships/" + d.mouId())))
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
    return letters.link("/api/v1/calendar/" + token + ".ics");
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
