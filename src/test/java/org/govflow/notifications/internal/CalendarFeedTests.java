package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.notifications.MeetingInvitation;
import org.govflow.notifications.Notifications;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The personal calendar feed, with a login and with a renewable secret address. */
@MailIntegrationTest
class CalendarFeedTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Notifications notifications;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theCallersDeadlinesComeAsICalendarWithALoginOrTheSecretAddressUntilRenewed()
      throws Exception {
    String task = startReview("presidency");
    WebSession web = new WebSession(port);

    HttpResponse<String> mine = web.getAs("president", "demo", "/api/v1/calendar.ics");
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
    VEvent deadline = event(new CalendarBuilder().build(new StringReader(mine.body())), task);
    assertThat(deadline.getProperty(Property.DTSTART).orElseThrow().getValue())
        .isEqualTo("20261210T180000Z");
    assertThat(deadline.getProperties(Property.DTSTAMP)).hasSize(1);
    assertThat(deadline.getProperty(Property.URL).orElseThrow().getValue())
        .isEqualTo("http://localhost:" + port + "/tasks/" + task);
    // the officer is not in the Presidency
    assertThat(web.getAs("officer", "demo", "/api/v1/calendar.ics").body()).doesNotContain(task);
    // without credentials, no calendar
    assertThat(web.get("/api/v1/calendar.ics").statusCode()).isEqualTo(401);

    String url =
        json.readTree(web.getAs("president", "demo", "/api/v1/calendar/subscription").body())
            .path("url")
            .asText();
    // no govflow.base-url in the tests: the address is the host the request came to
    assertThat(url).startsWith("http://localhost:" + port + "/api/v1/calendar/");
    String path = URI.create(url).getPath();
    assertThat(path).startsWith("/api/v1/calendar/").endsWith(".ics");
    HttpResponse<String> subscribed = new WebSession(port).get(path);
    assertThat(subscribed.statusCode()).isEqualTo(200);
    assertThat(subscribed.body()).contains("task-" + task + "@govflow");

    String renewed =
        json.readTree(post("president", "/api/v1/calendar/subscription")).path("url").asText();
    assertThat(renewed).isNotEqualTo(url);
    assertThat(new WebSession(port).get(path).statusCode()).isEqualTo(404);
    assertThat(new WebSession(port).get(URI.create(renewed).getPath()).statusCode()).isEqualTo(200);
    assertThat(new WebSession(port).get("/api/v1/calendar/guessed-token.ics").statusCode())
        .isEqualTo(404);
  }

  @Test
  void meetingsAppearInTheirLatestVersionAndStayMarkedWhenCancelled() throws Exception {
    String uid = "meeting-" + System.nanoTime() + "@govflow";
    ZonedDateTime start = ZonedDateTime.of(2027, 2, 3, 10, 0, 0, 0, ZoneId.of("Europe/Madrid"));
    notifications.invite(
        new MeetingInvitation(
            uid, 0, false, "presidency", "Presidency meeting", start, start.plusHours(2), null));
    notifications.invite(
        new MeetingInvitation(
            uid,
            1,
            false,
            "presidency",
            "Presidency meeting",
            start.plusDays(1),
            start.plusDays(1).plusHours(2),
            null));

    VEvent moved = meeting(feedOf("president"), uid);
    assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(moved.getProperty(Property.DTSTART).orElseThrow().getValue())
        .isEqualTo("20270204T100000");
    assertThat(feedOf("officer")).doesNotContain(uid);

    notifications.invite(
        new MeetingInvitation(
            uid,
            2,
            true,
            "presidency",
            "Presidency meeting",
            start.plusDays(1),
            start.plusDays(1).plusHours(2),
            null));
    VEvent cancelled = meeting(feedOf("president"), uid);
    assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
    assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue())
        .isEqualTo("CANCELLED");
  }

  private String feedOf(String user) {
    HttpResponse<String> feed = new WebSession(port).getAs(user, "demo", "/api/v1/calendar.ics");
    assertThat(feed.statusCode()).isEqualTo(200);
    return feed.body();
  }

  private static VEvent meeting(String ics, String uid) throws Exception {
    List<VEvent> events =
        new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
    List<VEvent> matching =
        events.stream()
            .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(uid))
            .toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static VEvent event(Calendar calendar, String task) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    return events.stream()
        .filter(
            e ->
                e.getProperty(Property.UID)
                    .orElseThrow()
                    .getValue()
                    .equals("task-" + task + "@govflow"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No deadline for " + task + " in " + calendar));
  }

  private String post(String user, String path) throws Exception {
    String credentials =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + credentials)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
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
