package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.govflow.meetings.internal.MeetingFixtures.MADRID;
import static org.govflow.meetings.internal.MeetingFixtures.OFFICER;
import static org.govflow.meetings.internal.MeetingFixtures.PRESIDENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.directory.AccessRole;
import org.govflow.forms.FieldError;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.TaskWork;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingStatus;
import org.govflow.meetings.Meetings;
import org.govflow.meetings.UpcomingMeeting;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.AwaitedDecisions;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statutory meeting on the real application: launched and completed through the inbox (forms
 * and the meeting rules), convocations in the outbox with calendar invitations, the calendar feed,
 * a recommendation awaiting the World Council on the agenda by itself and given its decision, the
 * register, the minutes, the pages and the API.
 */
@MailIntegrationTest
class StatutoryMeetingIntegrationTests {

  @Autowired TaskWork inbox;
  @Autowired Launchpad launchpad;
  @Autowired MeetingRepository meetings;
  @Autowired Convocations convocations;
  @Autowired Agendas agendas;
  @Autowired AttendanceRoll roll;
  @Autowired Meetings calendar;
  @Autowired DecisionRegister register;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.govflow.directory.Directory directory;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private String deployment;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void deployAProcessAwaitingTheWorldCouncil() {
    deployment =
        repository
            .createDeployment()
            .addClasspathResource("meetings/awaits-world-council.bpmn")
            .deploy()
            .getId();
  }

  @AfterEach
  void cleanUp() {
    MeetingFixtures.deleteRunning(runtime, started);
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aWorldCouncilDecidesARecommendationThatAwaitsIt() {
    ProcessInstance recommendation =
        runtime.startProcessInstanceByKey(
            "awaits-world-council",
            "REC-RTC-2026-900",
            Map.of(
                AwaitedDecisions.AWAITED_BODY, "world-council",
                AwaitedDecisions.AWAITED_SUBJECT, "Right to housing: recommendation",
                AwaitedDecisions.AWAITED_DOCUMENT_SHA256, "ab".repeat(32)));
    started.add(recommendation.getId());

    // bad input: refused with field errors, nothing started
    long before = count("select count(*) from meeting");
    LocalDate past = LocalDate.now(MADRID).minusDays(1);
    assertThatThrownBy(() -> launch(past + "T10:00", past + "T09:00", "Should not start"))
        .isInstanceOfSatisfying(
            Refusal.class,
            r ->
                assertThat(r.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("start", "end"));
    assertThat(count("select count(*) from meeting")).isEqualTo(before);

    LocalDate day = LocalDate.now(MADRID).plusDays(40);
    StartedProcess meeting = launch(day + "T10:00", day + "T17:00", "World Council, test session");
    started.add(meeting.id());
    String key = meeting.businessKey();
    assertThat(key).matches("WC-\\d{4}-\\d{2}");

    // the Presidency approves; every one of the 25 members is convened with an invitation
    complete(
        PRESIDENT, only(meeting, "ApproveConvocation"), Map.of("convocationDecision", "approve"));
    assertThat(
            count(
                "select count(*) from notification where kind = 'CONVOCATION' and calendar like ?",
                "%UID:meeting-" + key + "@govflow%"))
        .isEqualTo(25);
    assertThat(meetings.find(key).orElseThrow().status()).isEqualTo(MeetingStatus.CONVENED);
    // ... and sees it in the calendar feed
    WebSession web = new WebSession(port);
    assertThat(web.getAs("amina.diallo", "demo", "/api/v1/calendar.ics").body())
        .contains("UID:meeting-" + key + "@govflow", "test session");

    // the call for agenda items: one task per section and council; the Africa section proposes
    List<Task> call = all(meeting, "ProposeAgendaItems");
    assertThat(call).hasSize(13);
    for (Task t : call) {
      String group = candidateGroup(t);
      if (group.equals("section-africa")) {
        complete(
            new Caller("ibrahima.sarr", Set.of(group), EnumSet.of(AccessRole.MEMBER)),
            t,
            Map.of("agendaProposals", "Local finance in Africa"));
      } else {
        tasks.complete(t.getId());
      }
    }
    // the recommendation awaiting the World Council is on the agenda, once
    agendas.addAwaitedDecisions(key);
    // (the quick start's own recommendation awaiting the World Council is there too)
    assertThat(agendas.agenda(key))
        .filteredOn(i -> i.kind() == AgendaItem.Kind.RECOMMENDATION)
        .filteredOn(i -> "REC-RTC-2026-900".equals(i.awaitedBusinessKey()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.awaitedBusinessKey()).isEqualTo("REC-RTC-2026-900");
              assertThat(i.title()).isEqualTo("Right to housing: recommendation");
              assertThat(i.documentSha256()).isEqualTo("ab".repeat(32));
            });

    // attendance: the proxy rules from config, refused beside the field
    List<String> members = roll.memberIds("world-council");
    assertThat(members).hasSize(25);
    String holder = "thandiwe.nkosi";
    assertRefused(answer(meeting, "ana.belmonte", "proxy", "ibrahima.sarr"), "proxyHolder");
    assertRefused(answer(meeting, "ana.belmonte", "proxy", "ana.belmonte"), "proxyHolder");
    answer(meeting, "ana.belmonte", "proxy", holder).run();
    answer(meeting, "youssef.benali", "proxy", holder).run();
    // a holder carries at most two proxies
    assertRefused(answer(meeting, "kwame.mensah", "proxy", holder), "proxyHolder");
    // on the task page, the proxy holder is picked by name among the body's other members
    Task kwame =
        all(meeting, "ConfirmAttendance").stream()
            .filter(t -> "kwame.mensah".equals(t.getAssignee()))
            .findFirst()
            .orElseThrow();
    WebSession member = new WebSession(port);
    member.login("kwame.mensah", "demo");
    assertThat(member.get("/tasks/" + kwame.getId()).body())
        .contains(
            "<select id=\"field-statutory-meeting-confirm-attendance-proxyHolder\"",
            "<option value=\"" + holder + "\">" + name(holder) + "</option>")
        .doesNotContain("<option value=\"kwame.mensah\"", "login of the member");
    for (Task t : all(meeting, "ConfirmAttendance")) {
      tasks.complete(t.getId(), Map.of("attendance", "attending"));
    }

    complete(
        OFFICER,
        only(meeting, "ConsolidateAgenda"),
        Map.of("agenda", "Opening\nLocal finance in Africa\n[statute] Amendment of article 12"));
    complete(PRESIDENT, only(meeting, "ApproveAgenda"), Map.of("agendaDecision", "approve"));
    assertThat(meetings.find(key).orElseThrow().circulatedLate()).isFalse();
    assertThat(agendas.agenda(key))
        .extracting(AgendaItem::title)
        .contains(
            "Right to housing: recommendation",
            "Opening",
            "Local finance in Africa",
            "Amendment of article 12");

    // the day comes
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(meeting.id())
            .activityId("MeetingStarts")
            .singleResult()
            .getId());
    // 11 present, the holder among them with her two proxies: 13 of 25, exactly the quorum
    List<String> others = new ArrayList<>(members);
    others.removeAll(List.of("ana.belmonte", "youssef.benali", holder));
    List<String> present = new ArrayList<>(others.subList(0, 10));
    present.add(holder);
    Task attendance = only(meeting, "RecordAttendance");
    // the task page leads to the checklist on the meeting's page, in the reader's language
    WebSession secretariat = new WebSession(port);
    secretariat.login("officer", "demo");
    assertThat(secretariat.get("/tasks/" + attendance.getId() + "?lang=es").body())
        .contains(
            "href=\"/meetings/" + key + "#attendance\"",
            "La lista de asistencia en la página de la reunión");
    assertThat(secretariat.get("/meetings/" + key).body())
        .contains("id=\"attendance\"", "name=\"present\"");
    // the task's own form ticks the members present by name
    assertThat(secretariat.get("/tasks/" + attendance.getId()).body())
        .contains("name=\"presentMembers\" value=\"" + holder + "\"", name(holder));
    assertRefused(
        () -> complete(OFFICER, attendance, Map.of("presentMembers", "ibrahima.sarr")),
        "presentMembers");
    complete(OFFICER, attendance, Map.of("presentMembers", String.join("\n", present)));
    assertThat(roll.count(key)).isEqualTo(new AttendanceRoll.Count(11, 2, 25));

    for (int i = 0; i < agendas.agenda(key).size(); i++) {
      Task item = only(meeting, "RecordDecision");
      String title = (String) tasks.getVariable(item.getId(), "itemTitle");
      assertRefused(
          () ->
              complete(OFFICER, item, Map.of("votesFor", 10, "votesAgainst", 3, "abstentions", 1)),
          "votesFor");
      // the statute change has 8 of 13 votes cast, short of two thirds; the rest pass
      complete(
          OFFICER,
          item,
          title.startsWith("Amendment")
              ? Map.of("votesFor", 8, "votesAgainst", 5, "abstentions", 0)
              : Map.of("votesFor", 10, "votesAgainst", 2, "abstentions", 1));
    }

    // the recommendation's decision is under its own process, which got it and ended adopted
    Decision onRecommendation = register.ofProcess(recommendation.getId()).get(0);
    assertThat(onRecommendation.content().bodyId()).isEqualTo("world-council");
    assertThat(onRecommendation.content().processKey()).isEqualTo("awaits-world-council");
    assertThat(onRecommendation.content().businessKey()).isEqualTo("REC-RTC-2026-900");
    assertThat(onRecommendation.content().outcome()).isEqualTo("adopted");
    assertThat(onRecommendation.content().documentSha256()).isEqualTo("ab".repeat(32));
    assertThat(onRecommendation.content().votes().inFavour()).isEqualTo(10);
    assertThat(onRecommendation.content().quorum().present()).isEqualTo(13);
    assertThat(onRecommendation.content().quorum().required()).isEqualTo(13);
    assertThat(onRecommendation.content().quorum().met()).isTrue();
    assertThat(onRecommendation.content().rule().key()).isEqualTo("meeting-majority");
    assertThat(onRecommendation.content().rule().version()).isPositive();
    assertThat(onRecommendation.content().recordedBy()).isEqualTo("officer");
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceId(recommendation.getId()).count())
        .isZero();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(recommendation.getId())
                .variableName(AwaitedDecisions.OUTCOME)
                .singleResult()
                .getValue())
        .isEqualTo("adopted");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(recommendation.getId())
                .variableName(AwaitedDecisions.MEETING)
                .singleResult()
                .getValue())
        .isEqualTo(key);
    // the other items are the meeting's own
    assertThat(register.ofProcess(meeting.id()))
        .extracting(d -> d.content().subject() + ": " + d.content().outcome())
        .containsExactlyInAnyOrder(
            "Opening: adopted",
            "Local finance in Africa: adopted",
            "Amendment of article 12: rejected");

    // minutes: drafted as a document, reviewed by members, approved, published with the decisions
    complete(OFFICER, only(meeting, "DraftMinutes"), Map.of("minutes", "# Minutes\n\nAdopted."));
    assertThat(meetings.find(key).orElseThrow().minutesDocumentId()).isNotNull();
    List<Task> reviews = all(meeting, "ReviewMinutes");
    assertThat(reviews).hasSize(25);
    reviews.forEach(t -> tasks.complete(t.getId()));
    complete(PRESIDENT, only(meeting, "ApproveMinutes"), Map.of("minutesDecision", "approve"));
    assertThat(register.find(onRecommendation.id()).orElseThrow().published()).isTrue();
    assertThat(meetings.find(key).orElseThrow().status()).isEqualTo(MeetingStatus.HELD);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(meeting.id()).count())
        .isZero();
    // what the meeting kept, a Cockpit user reads: no Java-serialized object, the quorum typed
    var kept =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(meeting.id())
            .disableCustomObjectDeserialization()
            .list();
    assertThat(kept).noneMatch(v -> "object".equals(v.getTypeName()));
    assertThat(kept)
        .filteredOn(v -> v.getName().equals("quorumMet"))
        .singleElement()
        .satisfies(v -> assertThat(v.getValue()).isEqualTo(true));

    // the API and the page, for those who may see the meeting
    String json = web.getAs("officer", "demo", "/api/v1/meetings/" + key).body();
    assertThat(json).contains("REC-RTC-2026-900", "\"present\":11", "\"represented\":2");
    assertThat(web.getAs("ibrahima.sarr", "demo", "/api/v1/meetings/" + key).statusCode())
        .isEqualTo(404);
    assertThat(web.getAs("amina.diallo", "demo", "/api/v1/meetings").body()).contains(key);
    WebSession browser = new WebSession(port);
    browser.login("amina.diallo", "demo");
    assertThat(browser.get("/meetings/" + key + "?lang=fr").body())
        .contains("World Council, test session", "Ordre du jour", "Adoptée", "Rejetée");
  }

  @Test
  void anAgendaCirculatedAfterTheDocumentsDeadlineIsEscalated() {
    // ten days ahead: short notice, and the documents deadline (15 days before) is already past
    LocalDate day = LocalDate.now(MADRID).plusDays(10);
    StartedProcess meeting = launch(day + "T10:00", day + "T12:00", "World Council, urgent");
    started.add(meeting.id());
    complete(OFFICER, only(meeting, "JustifyUrgency"), Map.of("urgencyJustification", "Crisis"));
    complete(PRESIDENT, only(meeting, "ApproveWaiver"), Map.of("waiverDecision", "approve"));
    complete(
        PRESIDENT, only(meeting, "ApproveConvocation"), Map.of("convocationDecision", "approve"));
    all(meeting, "ProposeAgendaItems").forEach(t -> tasks.complete(t.getId()));
    complete(OFFICER, only(meeting, "ConsolidateAgenda"), Map.of("agenda", "Crisis response"));
    complete(PRESIDENT, only(meeting, "ApproveAgenda"), Map.of("agendaDecision", "approve"));

    assertThat(meetings.find(meeting.businessKey()).orElseThrow().circulatedLate()).isTrue();
    Task note = only(meeting, "NoteLateCirculation");
    assertThat(
            tasks.getIdentityLinksForTask(note.getId()).stream().map(l -> l.getGroupId()).toList())
        .contains("presidency", "secretariat");
    // the Presidency and the secretariat are told
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from notification where task_id = ?"
                            + " and recipient_id in ('president', 'sg')",
                        note.getId())
                    == 2);
  }

  @Test
  void theQuickStartHasAnUpcomingWorldCouncilWithItsAgendaInPreparation() {
    UpcomingMeeting demo =
        calendar.upcoming(100).stream()
            .filter(m -> m.title().equals("World Council, ordinary session"))
            .findFirst()
            .orElseThrow();
    assertThat(demo.bodyId()).isEqualTo("world-council");
    assertThat(demo.status()).isEqualTo(MeetingStatus.CONVENED.code());
    assertThat(demo.start())
        .isEqualTo(LocalDate.now(MADRID).plusDays(45).atTime(10, 0).atZone(MADRID).toInstant());
    Meeting meeting = meetings.find(demo.businessKey()).orElseThrow();
    // the call for agenda items is open: the Africa section's focal point has it in the inbox
    List<Task> call =
        tasks
            .createTaskQuery()
            .processInstanceId(meeting.processInstanceId())
            .taskDefinitionKey("ProposeAgendaItems")
            .list();
    assertThat(call).hasSize(13);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(meeting.processInstanceId())
                .taskCandidateUser("ibrahima.sarr")
                .count())
        .isEqualTo(1);
    assertThat(agendas.agenda(demo.businessKey()))
        .extracting(AgendaItem::title, AgendaItem::statuteChange)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Report of the Secretary General", false),
            org.assertj.core.groups.Tuple.tuple(
                "Amendment of article 12: representation of the Forum of Regions", true));
  }

  @Test
  void aRescheduledMeetingSendsAnUpdateAndACalledOffMeetingACancellation() {
    LocalDate day = LocalDate.now(MADRID).plusDays(50);
    StartedProcess meeting = launch(day + "T10:00", day + "T12:00", "World Council, to be moved");
    started.add(meeting.id());
    String key = meeting.businessKey();
    complete(
        PRESIDENT, only(meeting, "ApproveConvocation"), Map.of("convocationDecision", "approve"));

    LocalDate later = day.plusDays(7);
    convocations.reschedule(
        key, later.atTime(9, 30).atZone(MADRID), later.atTime(12, 0).atZone(MADRID));
    assertThat(meetings.find(key).orElseThrow().sequence()).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from notification where kind = 'CONVOCATION'"
                    + " and calendar_method = 'REQUEST' and calendar like ? and calendar like ?",
                "%UID:meeting-" + key + "@govflow%",
                "%SEQUENCE:1%"))
        .isEqualTo(25);
    // the call for agenda items now closes 21 days before the new date
    Date callDeadline =
        Date.from(later.atTime(9, 30).atZone(MADRID).toInstant().minus(Duration.ofDays(21)));
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(meeting.id())
                .activityId("CallDeadlineReached")
                .singleResult()
                .getDuedate())
        .isEqualTo(callDeadline);
    assertThat(all(meeting, "ProposeAgendaItems"))
        .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(callDeadline));

    convocations.callOff(key, "Called off by the Presidency");
    assertThat(meetings.find(key).orElseThrow().status()).isEqualTo(MeetingStatus.CANCELLED);
    assertThat(
            count(
                "select count(*) from notification where calendar_method = 'CANCEL'"
                    + " and calendar like ?",
                "%UID:meeting-" + key + "@govflow%"))
        .isEqualTo(25);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(meeting.id()).count())
        .isZero();
    assertThat(calendar.upcoming(100)).extracting(UpcomingMeeting::businessKey).doesNotContain(key);
  }

  // ---------------------------------------------------------------------------------- helpers

  private StartedProcess launch(String start, String end, String title) {
    return launchpad.launch(
        OFFICER,
        "statutory-meeting",
        MeetingFixtures.worldCouncilLaunch(title, start, end),
        Locale.ENGLISH,
        MADRID);
  }

  private Runnable answer(StartedProcess meeting, String member, String response, String holder) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(meeting.id())
            .taskDefinitionKey("ConfirmAttendance")
            .taskAssignee(member)
            .singleResult();
    Caller caller = new Caller(member, Set.of("world-council"), EnumSet.of(AccessRole.MEMBER));
    return () -> complete(caller, task, Map.of("attendance", response, "proxyHolder", holder));
  }

  private void complete(Caller caller, Task task, Map<String, ?> values) {
    inbox.complete(caller, task.getId(), values, Locale.ENGLISH, MADRID);
  }

  private static void assertRefused(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> assertThat(r.errors()).extracting(FieldError::field).containsExactly(field));
  }

  private Task only(StartedProcess process, String activityId) {
    List<Task> found = all(process, activityId);
    assertThat(found).as("open %s tasks", activityId).hasSize(1);
    return found.get(0);
  }

  private String name(String personId) {
    return directory.person(personId).orElseThrow().name();
  }

  private List<Task> all(StartedProcess process, String activityId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(process.id())
        .taskDefinitionKey(activityId)
        .list();
  }

  private String candidateGroup(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId())
        .filter(g -> g != null)
        .findFirst()
        .orElseThrow();
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }
}
