package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.text.ICalReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.notifications.MeetingInvitation;
import org.govflow.notifications.Notifications;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A French reader's calendar feed, on an installation whose address is configured: her tasks named
 * in French, links to the configured host, an alarm the day before each deadline, her meetings in
 * their own time zone; read by ical4j and by a second, independent parser (biweekly).
 */
@IntegrationTest
@TestPropertySource(properties = "govflow.base-url=https://govflow.example.org/")
class CalendarFeedLanguageTests {

  static final String FRENCH_READER = "amina.diallo";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Notifications notifications;

  @Test
  void aFrenchReadersFeedNamesHerTasksInFrenchLinksToTheConfiguredHostAndWarnsTheDayBefore()
      throws Exception {
    String task = startReview("presidency");
    String uid = "meeting-" + System.nanoTime() + "@govflow";
    ZonedDateTime start = ZonedDateTime.of(2027, 2, 3, 10, 0, 0, 0, ZoneId.of("Europe/Madrid"));
    notifications.invite(
        new MeetingInvitation(
            uid, 0, false, "presidency", "Presidency meeting", start, start.plusHours(2), null));

    HttpResponse<String> feed =
        new WebSession(port).getAs(FRENCH_READER, "demo", "/api/v1/calendar.ics");
    assertThat(feed.statusCode()).isEqualTo(200);
    // ical4j reads it (strictly, as it is built)
    Calendar strict = new CalendarBuilder().build(new StringReader(feed.body()));
    assertThat(strict.getComponents()).isNotEmpty();

    // biweekly reads it too, without a warning
    List<List<ParseWarning>> warnings = new ArrayList<>();
    ICalendar calendar;
    try (ICalReader reader = new ICalReader(feed.body())) {
      calendar = reader.readNext();
      warnings.add(reader.getWarnings());
    }
    assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
    VEvent deadline = event(calendar, "task-" + task + "@govflow");
    assertThat(deadline.getSummary().getValue()).isEqualTo("Examiner le document");
    assertThat(deadline.getUrl().getValue()).isEqualTo("https://govflow.example.org/tasks/" + task);
    assertThat(deadline.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-12-10T18:00:00Z"));
    assertThat(deadline.getAlarms()).hasSize(1);
    VAlarm alarm = deadline.getAlarms().get(0);
    assertThat(alarm.getAction().isDisplay()).isTrue();
    assertThat(alarm.getTrigger().getDuration().toMillis())
        .isEqualTo(-Duration.ofDays(1).toMillis());
    assertThat(alarm.getDescription().getValue())
        .isEqualTo("Examiner le document : à rendre demain");

    VEvent meeting = event(calendar, uid);
    assertThat(meeting.getDateStart().getValue().toInstant()).isEqualTo(start.toInstant());
    assertThat(calendar.getTimezoneInfo().getTimezone(meeting.getDateStart()).getTimeZone().getID())
        .isEqualTo("Europe/Madrid");

    // the subscription address is the configured host's too
    String subscription =
        new WebSession(port).getAs(FRENCH_READER, "demo", "/api/v1/calendar/subscription").body();
    assertThat(subscription).contains("\"url\":\"https://govflow.example.org/api/v1/calendar/");
    assertThat(Biweekly.parse(feed.body()).all()).hasSize(1);
  }

  private static VEvent event(ICalendar calendar, String uid) {
    return calendar.getEvents().stream()
        .filter(e -> uid.equals(e.getUid().getValue()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + uid));
  }

  private String startReview(String body) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", body);
    variables.put("respondBy", Date.from(Instant.parse("2026-12-10T18:00:00Z")));
    String instance =
        runtime
            .startProcessInstanceByKey("document-approval", "DA-" + System.nanoTime(), variables)
            .getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }
}
