package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.govflow.meetings.internal.MeetingFixtures.MADRID;
import static org.govflow.meetings.internal.MeetingFixtures.OFFICER;
import static org.govflow.meetings.internal.MeetingFixtures.PRESIDENT;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.directory.AccessRole;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.TaskWork;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingStatus;
import org.govflow.meetings.Meetings;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secretariat moves a convened meeting and calls it off, over the API and in the browser:
 * members get a calendar update with a raised SEQUENCE, then a CANCEL, by real mail; bad dates, a
 * notice shorter than the body's rule, a missing reason or confirmation change nothing; members of
 * the body may not; a meeting called off cannot be changed again.
 */
@MailIntegrationTest
class MeetingChangesIntegrationTests {

  @Autowired TaskWork inbox;
  @Autowired Launchpad launchpad;
  @Autowired MeetingRepository meetings;
  @Autowired Convocations convocations;
  @Autowired Agendas agendas;
  @Autowired AttendanceRoll roll;
  @Autowired Meetings calendar;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Forms forms;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private final List<String> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void cleanUp() {
    MeetingFixtures.deleteRunning(runtime, started);
  }

  @Autowired org.govflow.directory.Directory directory;

  @Test
  void aContributorToTheCallForItemsSeesItsTaskNotTheMeetingsProcess() throws Exception {
    LocalDate day = LocalDate.now(MADRID).plusDays(50);
    String key = convened(day, "World Council, with a call for agenda items");
    String process = meetings.find(key).orElseThrow().processInstanceId();
    Task call =
        tasks
            .createTaskQuery()
            .processInstanceId(process)
            .taskDefinitionKey("ProposeAgendaItems")
            .list()
            .stream()
            .filter(
                t ->
                    tasks.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> "section-africa".equals(l.getGroupId())))
            .findFirst()
            .orElseThrow();
    // a member of the Africa section who has no other part in the World Council's meeting
    String contributor =
        directory.membersOf("section-africa").stream()
            .map(org.govflow.directory.Membership::personId)
            .filter(
                id ->
                    directory.membershipsOf(id).stream()
                        .allMatch(m -> m.bodyId().startsWith("section-")))
            .findFirst()
            .orElseThrow();
    HttpClient client = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((contributor + ":demo").getBytes(StandardCharsets.UTF_8));
    java.util.function.Function<String, HttpResponse<String>> get =
        path -> {
          try {
            return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };

    HttpResponse<String> task = get.apply("/api/v1/tasks/" + call.getId());
    assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode details =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(task.body());
    assertThat(details.path("timeline").size()).isZero();
    assertThat(details.path("documents").size()).isZero();
    assertThat(get.apply("/api/v1/processes/" + process).statusCode()).isEqualTo(403);
    assertThat(get.apply("/api/v1/processes").body()).doesNotContain(process);
    assertThat(get.apply("/api/v1/meetings/" + key).statusCode()).isEqualTo(404);
  }

  @Test
  void aRescheduleWithAnOffsetIsReadAsThatInstant() throws Exception {
    LocalDate day = LocalDate.now(MADRID).plusDays(50);
    String key = convened(day, "World Council, moved by a script in UTC+5");
    LocalDate later = day.plusDays(7);

    HttpResponse<String> ok =
        post(
            "officer",
            "/api/v1/meetings/" + key + "/reschedule",
            dates(later + "T14:00+05:00", later + "T17:00Z", "Europe/Madrid"));

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    Meeting after = meetings.find(key).orElseThrow();
    assertThat(after.start())
        .isEqualTo(java.time.OffsetDateTime.parse(later + "T14:00+05:00").toInstant());
    assertThat(after.end()).isEqualTo(java.time.Instant.parse(later + "T17:00:00Z"));
  }

  @Test
  void theSecretariatMovesAMeetingThenCallsItOffAndMembersAreTold() throws Exception {
    LocalDate day = LocalDate.now(MADRID).plusDays(50);
    String key = convened(day, "World Council, to be moved by the secretariat");
    String path = "/api/v1/meetings/" + key;
    Meeting before = meetings.find(key).orElseThrow();
    String uid = "meeting-" + key + "@govflow";

    // bad input: every field refused, nothing changed
    LocalDate past = LocalDate.now(MADRID).minusDays(1);
    HttpResponse<String> bad =
        post(
            "officer",
            path + "/reschedule",
            dates(past + "T10:00", past + "T09:00", "Europe/Madrid"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"start\"", "\"field\":\"end\"");
    HttpResponse<String> badZone =
        post(
            "officer", path + "/reschedule", dates(day + "T10:00", day + "T12:00", "Mars/Olympus"));
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(badZone.body()).contains("\"field\":\"timeZone\"");
    // ten days ahead is shorter than the World Council's 30 days' notice: said plainly, in the
    // French of a co-president
    LocalDate soon = LocalDate.now(MADRID).plusDays(10);
    HttpResponse<String> shortNotice =
        post(
            "amina.diallo",
            path + "/reschedule",
            dates(soon + "T10:00", soon + "T12:00", "Europe/Madrid"),
            "fr");
    assertThat(shortNotice.statusCode()).isEqualTo(400);
    assertThat(shortNotice.body()).contains("\"field\":\"start\"", "préavis de 30 jours");
    assertThat(post("officer", path + "/cancel", "{\"reason\":\"  \"}").body())
        .contains("\"field\":\"reason\"");
    assertThat(post("officer", path + "/reschedule", "{not json").statusCode()).isEqualTo(400);
    assertThat(meetings.find(key).orElseThrow()).isEqualTo(before);
    assertThat(calendarMails(key, "REQUEST", 1)).isZero();

    // a member of the World Council sees the meeting but may not change it; others do not see it
    LocalDate later = day.plusDays(7);
    String moved = dates(later + "T09:30", later + "T12:00", "Europe/Brussels");
    assertThat(post("ana.belmonte", path + "/reschedule", moved).statusCode()).isEqualTo(403);
    assertThat(post("ana.belmonte", path + "/cancel", "{\"reason\":\"no\"}").statusCode())
        .isEqualTo(403);
    assertThat(post("ibrahima.sarr", path + "/cancel", "{\"reason\":\"no\"}").statusCode())
        .isEqualTo(404);
    assertThat(
            post("officer", "/api/v1/meetings/WC-1999-99/cancel", "{\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(meetings.find(key).orElseThrow()).isEqualTo(before);

    // moved: an update of the same calendar event, SEQUENCE 1, to all 25 members
    HttpResponse<String> ok = post("officer", path + "/reschedule", moved);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"sequence\":1", "Europe/Brussels");
    Meeting after = meetings.find(key).orElseThrow();
    assertThat(after.start())
        .isEqualTo(later.atTime(9, 30).atZone(ZoneId.of("Europe/Brussels")).toInstant());
    assertThat(after.sequence()).isEqualTo(1);
    assertThat(calendarMails(key, "REQUEST", 1)).isEqualTo(25);
    awaitMails(uid, "SEQUENCE:1\r\n", 25);

    // the page offers the forms to the secretariat, not to members
    WebSession member = new WebSession(port);
    member.login("ana.belmonte", "demo");
    assertThat(member.get("/meetings/" + key).body()).doesNotContain("meeting-cancel");
    WebSession browser = new WebSession(port);
    browser.login("officer", "demo");
    String page = browser.get("/meetings/" + key + "?lang=es").body();
    assertThat(page).contains("Trasladar la reunión", "Cancelar la reunión", "meeting-cancel");
    // without the confirmation, nothing happens
    HttpResponse<String> unconfirmed =
        browser.postForm(
            "/meetings/" + key + "/cancel",
            Map.of("reason", "Venue unavailable", "_csrf", WebSession.csrfToken(page)));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("cancel-confirm-error", "Venue unavailable");
    assertThat(meetings.find(key).orElseThrow().status()).isEqualTo(MeetingStatus.CONVENED);
    // confirmed: called off, a CANCEL to every member, the process ended
    HttpResponse<String> cancelled =
        browser.postForm(
            "/meetings/" + key + "/cancel",
            Map.of(
                "reason", "Venue unavailable",
                "confirm", "true",
                "_csrf", WebSession.csrfToken(page)));
    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(cancelled.headers().firstValue("Location").orElseThrow()).contains("?cancelled");
    assertThat(meetings.find(key).orElseThrow().status()).isEqualTo(MeetingStatus.CANCELLED);
    assertThat(calendarMails(key, "CANCEL", 2)).isEqualTo(25);
    awaitMails(uid, "METHOD:CANCEL", 25);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(after.processInstanceId())
                .count())
        .isZero();

    // too late for any change now
    assertThat(post("officer", path + "/reschedule", moved).statusCode()).isEqualTo(409);
    assertThat(post("officer", path + "/cancel", "{\"reason\":\"again\"}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void theBrowserFormRefusesBadDatesBesideTheirFields() {
    LocalDate day = LocalDate.now(MADRID).plusDays(60);
    String key = convened(day, "World Council, dates typed wrong");
    Meeting before = meetings.find(key).orElseThrow();
    WebSession browser = new WebSession(port);
    browser.login("president", "demo");
    String page = browser.get("/meetings/" + key).body();
    HttpResponse<String> refused =
        browser.postForm(
            "/meetings/" + key + "/reschedule",
            Map.of(
                "start",
                day + "T12:00",
                "end",
                day + "T11:00",
                "timeZone",
                "Europe/Madrid",
                "_csrf",
                WebSession.csrfToken(page)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("reschedule-end-error", "must end after it starts");
    assertThat(meetings.find(key).orElseThrow()).isEqualTo(before);
    HttpResponse<String> moved =
        browser.postForm(
            "/meetings/" + key + "/reschedule",
            Map.of(
                "start",
                day.plusDays(1) + "T10:00",
                "end",
                day.plusDays(1) + "T13:00",
                "timeZone",
                "Europe/Madrid",
                "_csrf",
                WebSession.csrfToken(page)));
    assertThat(moved.statusCode()).isEqualTo(302);
    assertThat(meetings.find(key).orElseThrow().start())
        .isEqualTo(day.plusDays(1).atTime(10, 0).atZone(MADRID).toInstant());
    assertThat(browser.get("/meetings/" + key + "?rescheduled").body())
        .contains("The meeting was moved");
  }

  @Test
  void theSecretariatTicksTheMembersPresentOnTheMeetingPage() {
    LocalDate day = LocalDate.now(MADRID).plusDays(40);
    String key = convened(day, "World Council, attendance by checklist");
    String pid = meetings.find(key).orElseThrow().processInstanceId();
    tasks
        .createTaskQuery()
        .processInstanceId(pid)
        .taskDefinitionKey("ProposeAgendaItems")
        .list()
        .forEach(t -> tasks.complete(t.getId()));
    // two members give their proxy to Thandiwe Nkosi; the rest will attend
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey("ConfirmAttendance")
            .list()) {
      if (List.of("ana.belmonte", "youssef.benali").contains(t.getAssignee())) {
        inbox.complete(
            new Caller(t.getAssignee(), Set.of("world-council"), EnumSet.of(AccessRole.MEMBER)),
            t.getId(),
            Map.of("attendance", "proxy", "proxyHolder", "thandiwe.nkosi"),
            Locale.ENGLISH,
            MADRID);
      } else {
        tasks.complete(t.getId(), Map.of("attendance", "attending"));
      }
    }
    complete(OFFICER, pid, "ConsolidateAgenda", Map.of("agenda", "Opening"));
    complete(PRESIDENT, pid, "ApproveAgenda", Map.of("agendaDecision", "approve"));

    WebSession browser = new WebSession(port);
    browser.login("officer", "demo");
    // before the day there is nothing to tick
    assertThat(browser.get("/meetings/" + key).body()).doesNotContain("attendance-checklist");
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(pid)
            .activityId("MeetingStarts")
            .singleResult()
            .getId());

    String page = browser.get("/meetings/" + key + "?lang=fr").body();
    assertThat(page)
        .contains(
            "attendance-checklist",
            "Les 25 membres de l’organe",
            "Thandiwe Nkosi",
            "détient les procurations de",
            "procuration à Thandiwe Nkosi");
    // a member of the body sees no checklist, and cannot record attendance
    WebSession member = new WebSession(port);
    member.login("kwame.mensah", "demo");
    String memberPage = member.get("/meetings/" + key).body();
    assertThat(memberPage).doesNotContain("attendance-checklist");
    assertThat(
            member
                .postForm(
                    "/meetings/" + key + "/attendance",
                    Map.of("present", "kwame.mensah", "_csrf", WebSession.csrfToken(memberPage)))
                .statusCode())
        .isEqualTo(403);

    List<String> members = roll.memberIds("world-council");
    List<String> present = new ArrayList<>(members);
    present.removeAll(List.of("ana.belmonte", "youssef.benali", "thandiwe.nkosi"));
    present = new ArrayList<>(present.subList(0, 10));
    present.add("thandiwe.nkosi");
    // someone outside the body: refused by the meeting rules, the task stays open
    String csrf = WebSession.csrfToken(page);
    HttpResponse<String> refused =
        browser.postForm(
            "/meetings/" + key + "/attendance",
            List.of(
                Map.entry("present", present.get(0)),
                Map.entry("present", "ibrahima.sarr"),
                Map.entry("_csrf", csrf)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("ibrahima.sarr n’est pas membre de cet organe");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey("RecordAttendance")
                .count())
        .isEqualTo(1);

    List<Map.Entry<String, String>> ticked = new ArrayList<>();
    present.forEach(p -> ticked.add(Map.entry("present", p)));
    ticked.add(Map.entry("_csrf", csrf));
    HttpResponse<String> recorded = browser.postForm("/meetings/" + key + "/attendance", ticked);
    assertThat(recorded.statusCode()).isEqualTo(302);
    // 11 present, the holder among them with her two proxies: 13 of 25, the quorum
    assertThat(roll.count(key)).isEqualTo(new AttendanceRoll.Count(11, 2, 25));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey("RecordDecision")
                .count())
        .isEqualTo(1);
    assertThat(browser.get("/meetings/" + key).body()).doesNotContain("attendance-checklist");
  }

  private void complete(Caller caller, String pid, String activityId, Map<String, ?> values) {
    String id =
        tasks
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey(activityId)
            .singleResult()
            .getId();
    inbox.complete(caller, id, values, Locale.ENGLISH, MADRID);
  }

  @Test
  void aRefusedWaiverIsReplannedWithTheLaunchsDateChecks() {
    // ten days ahead: short notice for the World Council; the Presidency refuses the waiver
    LocalDate soon = LocalDate.now(MADRID).plusDays(10);
    StartedProcess meeting = launch(soon, "World Council, too soon");
    complete(OFFICER, meeting.id(), "JustifyUrgency", Map.of("urgencyJustification", "Crisis"));
    complete(PRESIDENT, meeting.id(), "ApproveWaiver", Map.of("waiverDecision", "refuse"));

    Task replan =
        tasks
            .createTaskQuery()
            .processInstanceId(meeting.id())
            .taskDefinitionKey("ReplanMeeting")
            .singleResult();
    assertThat(replan.getDueDate()).isNotNull();
    // replanning needs dates, in the future and in order: refused beside the fields
    assertThatThrownBy(
            () ->
                inbox.complete(
                    OFFICER,
                    replan.getId(),
                    Map.of("replanDecision", "replan"),
                    Locale.ENGLISH,
                    MADRID))
        .isInstanceOfSatisfying(
            Refusal.class,
            r ->
                assertThat(r.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("start", "end"));
    LocalDate past = LocalDate.now(MADRID).minusDays(2);
    assertThatThrownBy(
            () ->
                inbox.complete(
                    OFFICER,
                    replan.getId(),
                    Map.of(
                        "replanDecision",
                        "replan",
                        "start",
                        past + "T10:00",
                        "end",
                        past + "T09:00"),
                    Locale.ENGLISH,
                    MADRID))
        .isInstanceOfSatisfying(
            Refusal.class,
            r ->
                assertThat(r.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("start", "end"));

    // forty days ahead: registered again with the new dates, enough notice, to the Presidency
    LocalDate later = LocalDate.now(MADRID).plusDays(40);
    inbox.complete(
        OFFICER,
        replan.getId(),
        Map.of("replanDecision", "replan", "start", later + "T10:00", "end", later + "T12:00"),
        Locale.ENGLISH,
        MADRID);
    assertThat(meetings.find(meeting.businessKey()).orElseThrow().start())
        .isEqualTo(later.atTime(10, 0).atZone(MADRID).toInstant());
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(meeting.id())
                .taskDefinitionKey("ApproveConvocation")
                .count())
        .isEqualTo(1);
  }

  @Test
  void storedValuesOnTheMeetingFormsReadInTheReadersLanguage() {
    Map<String, Object> item =
        Map.of("itemTitle", "Amendment of article 12", "majority", "two-thirds");
    assertThat(text("statutory-meeting-record-decision", item, Locale.FRENCH))
        .contains("Majorité requise : majorité des deux tiers des suffrages exprimés.")
        .doesNotContain("two-thirds");
    assertThat(
            text(
                "statutory-meeting-record-decision",
                Map.of("itemTitle", "Opening", "majority", "simple"),
                Locale.forLanguageTag("es")))
        .contains("mayoría simple, más votos a favor que en contra");
    assertThat(timeZoneLabels(Locale.ENGLISH)).contains("Mexico City – Central Time (Mexico)");
    assertThat(timeZoneLabels(Locale.FRENCH)).contains("Bruxelles – heure d’Europe centrale");
    assertThat(timeZoneLabels(Locale.forLanguageTag("es")))
        .contains("Ciudad de México – hora central (México)")
        .noneMatch(l -> l.contains("/"));
  }

  private String text(String formId, Map<String, ?> variables, Locale locale) {
    return forms.view(formId, Map.of(), List.of(), variables, locale, MADRID).fields().stream()
        .flatMap(f -> f.text().stream())
        .map(b -> b.text())
        .reduce("", (a, b) -> a + "\n" + b);
  }

  private List<String> timeZoneLabels(Locale locale) {
    return forms
        .view("statutory-meeting-start", Map.of(), List.of(), Map.of(), locale, MADRID)
        .fields()
        .stream()
        .filter(f -> "timeZone".equals(f.key()))
        .flatMap(f -> f.options().stream())
        .map(o -> o.label())
        .toList();
  }

  // ---------------------------------------------------------------------------------- helpers

  /** A World Council meeting launched with enough notice and convened by the Presidency. */
  private String convened(LocalDate day, String title) {
    StartedProcess meeting = launch(day, title);
    complete(
        PRESIDENT, meeting.id(), "ApproveConvocation", Map.of("convocationDecision", "approve"));
    assertThat(meetings.find(meeting.businessKey()).orElseThrow().status())
        .isEqualTo(MeetingStatus.CONVENED);
    return meeting.businessKey();
  }

  private StartedProcess launch(LocalDate day, String title) {
    Map<String, Object> values =
        MeetingFixtures.worldCouncilLaunch(title, day + "T10:00", day + "T12:00");
    StartedProcess meeting =
        launchpad.launch(OFFICER, "statutory-meeting", values, Locale.ENGLISH, MADRID);
    started.add(meeting.id());
    return meeting;
  }

  private static String dates(String start, String end, String zone) {
    return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"timeZone\":\"" + zone + "\"}";
  }

  private HttpResponse<String> post(String user, String path, String json) throws Exception {
    return post(user, path, json, "en");
  }

  private HttpResponse<String> post(String user, String path, String json, String language)
      throws Exception {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long calendarMails(String key, String method, int sequence) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from notification where calendar_method = ? and calendar like ?"
                + " and calendar like ?",
            Long.class,
            method,
            "%UID:meeting-" + key + "@govflow%",
            "%SEQUENCE:" + sequence + "\r\n%");
    return n == null ? 0 : n;
  }

  private static void awaitMails(String uid, String marker, int expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Arrays.stream(TestMailServer.received())
                        .map(MeetingChangesIntegrationTests::ics)
                        .filter(ics -> ics.contains("UID:" + uid) && ics.contains(marker))
                        .count()
                    >= expected);
  }

  private static String ics(MimeMessage m) {
    try {
      return find(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Object content) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/calendar")) {
          Object body = part.getContent();
          if (body instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          return body.toString();
        }
        String inner = find(part.getContent());
        if (!inner.isEmpty()) {
          return inner;
        }
      }
    }
    return "";
  }
}
