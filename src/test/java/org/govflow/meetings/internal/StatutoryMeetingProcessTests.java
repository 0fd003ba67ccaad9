package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.govflow.decisions.Quorum;
import org.govflow.meetings.MeetingSettings;
import org.govflow.support.ProcessEngines;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * bpmn/statutory-meeting.bpmn, every path, with the real notice, quorum and majority tables and
 * timers under a controlled clock. The service steps are stand-ins that set what the real ones set
 * (the dates come from the same {@link MeetingSchedule}) and remember what they were asked to do;
 * the real ones run against the database in {@link StatutoryMeetingIntegrationTests}.
 */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/statutory-meeting.bpmn",
      "bpmn/meeting-notice.dmn",
      "bpmn/meeting-quorum.dmn",
      "bpmn/meeting-majority.dmn",
      "forms/statutory-meeting-start.form",
      "forms/statutory-meeting-justify-urgency.form",
      "forms/statutory-meeting-approve-waiver.form",
      "forms/statutory-meeting-replan.form",
      "forms/statutory-meeting-approve-convocation.form",
      "forms/statutory-meeting-revise-convocation.form",
      "forms/statutory-meeting-propose-items.form",
      "forms/statutory-meeting-consolidate-agenda.form",
      "forms/statutory-meeting-approve-agenda.form",
      "forms/statutory-meeting-late-circulation.form",
      "forms/statutory-meeting-confirm-attendance.form",
      "forms/statutory-meeting-record-attendance.form",
      "forms/statutory-meeting-adjourn.form",
      "forms/statutory-meeting-written-procedure.form",
      "forms/statutory-meeting-record-decision.form",
      "forms/statutory-meeting-draft-minutes.form",
      "forms/statutory-meeting-review-minutes.form",
      "forms/statutory-meeting-approve-minutes.form"
    })
class StatutoryMeetingProcessTests {

  private static final Instant NOW = Instant.parse("2030-01-07T09:00:00Z");
  private static final List<String> CONTRIBUTORS =
      List.of(
          "section-africa",
          "section-aspac",
          "section-eurasia",
          "section-europe",
          "section-latin-america",
          "section-mewa",
          "section-north-america",
          "section-metropolis",
          "section-forum-of-regions",
          "council-right-to-city",
          "council-opportunities-culture-diplomacy",
          "council-multilevel-finance",
          "council-resilient-cities");
  private static final List<String> MEMBERS =
      IntStream.rangeClosed(1, 25).mapToObj(i -> "member" + i).toList();
  private static final MeetingSettings SETTINGS =
      new MeetingSettings(
          CONTRIBUTORS, 21, 15, 2, Duration.ofDays(10), new MeetingSettings.Proxies(2));

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  /** What the service steps were asked to do, in order. */
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  private List<Long> agendaItems = List.of(1L, 2L);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    ProcessEngines.register("meetingRoster", new Roster());
    ProcessEngines.register(
        "registerMeeting",
        (JavaDelegate)
            x -> {
              ZoneId zone = MeetingSchedule.zone(x.getVariable("timeZone"));
              Instant start = MeetingSchedule.wallClock(x.getVariable("start"), zone).toInstant();
              Instant end = MeetingSchedule.wallClock(x.getVariable("end"), zone).toInstant();
              x.setVariables(
                  MeetingSchedule.variables(start, end, ClockUtil.now().toInstant(), SETTINGS));
              x.setVariable("reconvening", "reconvene".equals(x.getVariable("adjournment")));
              calls.add("register " + start);
            });
    ProcessEngines.register("checkQuorum", new CheckQuorum());
    ProcessEngines.register("sendConvocation", (JavaDelegate) x -> calls.add("convene"));
    ProcessEngines.register("cancelMeeting", (JavaDelegate) x -> calls.add("cancel"));
    ProcessEngines.register("adjournMeeting", (JavaDelegate) x -> calls.add("adjourn"));
    ProcessEngines.register(
        "recordAgendaProposals",
        (TaskListener) t -> calls.add("propose " + t.getVariable("contributor")));
    ProcessEngines.register(
        "recordAttendanceResponse",
        (TaskListener)
            t -> calls.add("answer " + t.getAssignee() + " " + t.getVariable("attendance")));
    ProcessEngines.register(
        "closeCallForAgendaItems",
        (JavaDelegate)
            x -> {
              x.setVariable("agenda", "Opening\n[statute] Article 12");
              x.setVariable("recommendations", "");
              calls.add("close call");
            });
    ProcessEngines.register("saveAgenda", (JavaDelegate) x -> calls.add("save agenda"));
    ProcessEngines.register(
        "circulateAgenda",
        (JavaDelegate)
            x -> {
              Date deadline = (Date) x.getVariable("documentsDeadline");
              x.setVariable("circulatedLate", ClockUtil.now().after(deadline));
              calls.add("circulate");
            });
    ProcessEngines.register(
        "countAttendance",
        (JavaDelegate)
            x -> {
              String present = (String) x.getVariable("presentMembers");
              x.setVariable("present", (int) present.lines().count());
              x.setVariable("represented", 2);
              x.setVariable("membership", MEMBERS.size());
            });
    ProcessEngines.register(
        "prepareAgendaItem",
        (JavaDelegate)
            x -> {
              long item = ((Number) x.getVariable("agendaItem")).longValue();
              x.setVariableLocal("itemTitle", "Item " + item);
              // the second item changes the statutes
              x.setVariableLocal("majority", item == 2 ? "two-thirds" : "simple");
              x.setVariableLocal("votesFor", null);
              x.setVariableLocal("votesAgainst", null);
              x.setVariableLocal("abstentions", null);
              x.setVariableLocal("outcome", null);
            });
    ProcessEngines.register(
        "registerMeetingDecision",
        (JavaDelegate)
            x ->
                calls.add(
                    "decide " + x.getVariable("agendaItem") + " " + x.getVariable("outcome")));
    ProcessEngines.register(
        "storeMinutes",
        (JavaDelegate)
            x -> {
              x.setVariable(
                  "minutesReviewEnd",
                  Date.from(ClockUtil.now().toInstant().plus(SETTINGS.minutesReview())));
              calls.add("store minutes");
            });
    ProcessEngines.register("publishMinutes", (JavaDelegate) x -> calls.add("publish"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMeetingConvenedOnTimeIsHeldAndItsMinutesPublished() {
    ProcessInstance pi = start("world-council", "2030-02-21T10:00:00+01:00", "2030-02-21T18:00");

    assertThat(pi).isWaitingAt("ApproveConvocation");
    assertThat(task(pi, "ApproveConvocation")).hasCandidateGroup("presidency");
    assertThat(runtimeService().getVariable(pi.getId(), "noticeDays")).isEqualTo(30);
    complete(task(pi, "ApproveConvocation"), withVariables("convocationDecision", "approve"));

    // the call for agenda items: one task per section and policy council, due at the deadline
    List<Task> calls = tasks(pi, "ProposeAgendaItems");
    assertThat(calls).hasSize(13);
    assertThat(calls.stream().flatMap(t -> candidateGroups(t).stream()))
        .containsExactlyInAnyOrderElementsOf(CONTRIBUTORS);
    Date callDeadline = Date.from(Instant.parse("2030-01-31T09:00:00Z"));
    assertThat(calls).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(callDeadline));
    // attendance: one task per member, assigned to them
    List<Task> answers = tasks(pi, "ConfirmAttendance");
    assertThat(answers).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(MEMBERS);

    calls.forEach(t -> complete(t, withVariables("agendaProposals", "An item")));
    assertThat(this.calls).contains("close call").contains("propose section-africa");
    answers.forEach(t -> complete(t, withVariables("attendance", "attending")));

    assertThat(task(pi, "ConsolidateAgenda")).hasCandidateGroup("secretariat");
    complete(task(pi, "ConsolidateAgenda"), withVariables("agenda", "Opening\nArticle 12"));
    assertThat(task(pi, "ApproveAgenda")).hasCandidateGroup("presidency");
    complete(task(pi, "ApproveAgenda"), withVariables("agendaDecision", "approve"));

    // on time: straight to the wait until the meeting
    assertThat(pi).isWaitingAt("MeetingStarts");
    assertThat(timer(pi, "MeetingStarts").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2030-02-21T09:00:00Z")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-02-21T09:00:00Z")));
    execute(timer(pi, "MeetingStarts"));

    // 11 present and 2 represented of 25: more than half
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(11)));
    assertThat(pi).hasPassed("CheckQuorum");
    decide(pi, 14, 6, 2);
    // the statute change needs two thirds: 10 of 16 is not enough
    decide(pi, 10, 6, 0);
    assertThat(this.calls).contains("decide 1 adopted", "decide 2 rejected");

    complete(task(pi, "DraftMinutes"), withVariables("minutes", "# Minutes"));
    List<Task> reviews = tasks(pi, "ReviewMinutes");
    assertThat(reviews).hasSize(25);
    reviews.forEach(t -> complete(t, withVariables("minutesComment", "")));
    complete(task(pi, "ApproveMinutes"), withVariables("minutesDecision", "approve"));

    assertThat(pi)
        .hasPassedInOrder(
            "MeetingRequested",
            "RegisterMeeting",
            "CheckNotice",
            "ApproveConvocation",
            "SendConvocation",
            "CloseCallForAgendaItems",
            "ConsolidateAgenda",
            "ApproveAgenda",
            "CirculateAgenda",
            "MeetingStarts",
            "RecordAttendance",
            "CheckQuorum",
            "DecideAgendaItems",
            "DraftMinutes",
            "ApproveMinutes",
            "PublishMinutes",
            "MeetingHeld")
        .hasNotPassed("JustifyUrgency", "NoteLateCirculation", "AdjournMeeting")
        .isEnded();
    assertThat(this.calls).containsSubsequence("convene", "circulate", "store minutes", "publish");
  }

  @Test
  void shortNoticeNeedsAWaiverApprovedByThePresidency() {
    // 20 days ahead, the World Council's notice is 30
    ProcessInstance pi = start("world-council", "2030-01-27T10:00", "2030-01-27T18:00");

    assertThat(pi).isWaitingAt("JustifyUrgency");
    assertThat(task(pi, "JustifyUrgency")).hasCandidateGroup("secretariat");
    complete(task(pi, "JustifyUrgency"), withVariables("urgencyJustification", "Crisis"));
    assertThat(task(pi, "ApproveWaiver")).hasCandidateGroup("presidency");
    complete(task(pi, "ApproveWaiver"), withVariables("waiverDecision", "approve"));

    assertThat(pi).isWaitingAt("ApproveConvocation");
    // on short notice the call still stays open for half the time left
    Date halfway = Date.from(Instant.parse("2030-01-17T09:00:00Z"));
    complete(task(pi, "ApproveConvocation"), withVariables("convocationDecision", "approve"));
    assertThat(tasks(pi, "ProposeAgendaItems"))
        .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(halfway));
  }

  @Test
  void aRefusedWaiverLetsTheSecretariatCancelTheMeeting() {
    ProcessInstance pi = start("council-right-to-city", "2030-01-14T10:00", "2030-01-14T12:00");
    assertThat(runtimeService().getVariable(pi.getId(), "noticeDays")).isEqualTo(14);
    complete(task(pi, "JustifyUrgency"), withVariables("urgencyJustification", "Why not"));
    complete(task(pi, "ApproveWaiver"), withVariables("waiverDecision", "refuse"));

    assertThat(pi).isWaitingAt("ReplanMeeting");
    assertThat(task(pi, "ReplanMeeting")).hasCandidateGroup("secretariat");
    complete(task(pi, "ReplanMeeting"), withVariables("replanDecision", "cancel"));

    assertThat(pi).hasPassed("ReplanMeeting", "CancelMeeting", "MeetingCancelled").isEnded();
    assertThat(calls).contains("cancel").doesNotContain("convene");
  }

  @Test
  void aRefusedWaiverCanBeReplannedLaterAndGoesBackToTheNoticeCheck() {
    // 7 days ahead, a Policy Council's notice is 14
    ProcessInstance pi = start("council-right-to-city", "2030-01-14T10:00", "2030-01-14T12:00");
    complete(task(pi, "JustifyUrgency"), withVariables("urgencyJustification", "Why not"));
    complete(task(pi, "ApproveWaiver"), withVariables("waiverDecision", "refuse"));

    // still too soon: the notice is checked again and the urgency asked for again
    complete(
        task(pi, "ReplanMeeting"),
        withVariables(
            "replanDecision", "replan", "start", "2030-01-17T10:00", "end", "2030-01-17T12:00"));
    assertThat(pi).isWaitingAt("JustifyUrgency");
    assertThat(runtimeService().getVariable(pi.getId(), "daysUntilStart")).isEqualTo(10L);
    complete(task(pi, "JustifyUrgency"), withVariables("urgencyJustification", "Still urgent"));
    complete(task(pi, "ApproveWaiver"), withVariables("waiverDecision", "refuse"));

    // three weeks ahead: enough notice, on to the Presidency's approval of the convocation
    complete(
        task(pi, "ReplanMeeting"),
        withVariables(
            "replanDecision", "replan", "start", "2030-01-28T10:00", "end", "2030-01-28T12:00"));
    assertThat(pi).isWaitingAt("ApproveConvocation");
    assertThat(runtimeService().getVariable(pi.getId(), "meetingStart"))
        .isEqualTo(Date.from(Instant.parse("2030-01-28T09:00:00Z")));
    assertThat(calls).doesNotContain("cancel");
    complete(task(pi, "ApproveConvocation"), withVariables("convocationDecision", "approve"));
    assertThat(calls).contains("convene");
  }

  @Test
  void aReturnedConvocationIsRevisedAndRegisteredAgain() {
    ProcessInstance pi = start("executive-bureau", "2030-03-02T10:00", "2030-03-02T13:00");
    complete(
        task(pi, "ApproveConvocation"),
        withVariables("convocationDecision", "return", "convocationComment", "Later, please"));

    assertThat(task(pi, "ReviseConvocation")).hasCandidateGroup("secretariat");
    complete(
        task(pi, "ReviseConvocation"),
        withVariables("start", "2030-03-09T10:00", "end", "2030-03-09T13:00"));

    assertThat(pi).isWaitingAt("ApproveConvocation");
    assertThat(calls)
        .containsExactly(
            "register " + Instant.parse("2030-03-02T09:00:00Z"),
            "register " + Instant.parse("2030-03-09T09:00:00Z"));
  }

  @Test
  void theCallAndTheAttendanceCloseAtTheirDeadlinesAndLateCirculationIsEscalated() {
    ProcessInstance pi = convened("2030-02-21T10:00", "2030-02-21T18:00");
    // only one section answers before the deadline
    complete(tasks(pi, "ProposeAgendaItems").get(0), withVariables("agendaProposals", "One"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-31T09:00:01Z")));
    execute(timer(pi, "CallDeadlineReached"));
    assertThat(tasks(pi, "ProposeAgendaItems")).isEmpty();
    assertThat(calls).contains("close call");

    // the Presidency returns the agenda once
    complete(task(pi, "ConsolidateAgenda"), withVariables("agenda", "Opening"));
    complete(task(pi, "ApproveAgenda"), withVariables("agendaDecision", "return"));
    assertThat(task(pi, "ConsolidateAgenda")).isNotNull();
    complete(task(pi, "ConsolidateAgenda"), withVariables("agenda", "Opening\nReport"));

    // approved after the documents deadline (15 days before): late, noted by the Presidency
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-02-07T10:00:00Z")));
    complete(task(pi, "ApproveAgenda"), withVariables("agendaDecision", "approve"));
    Task note = task(pi, "NoteLateCirculation");
    assertThat(note).hasCandidateGroup("presidency").hasCandidateGroup("secretariat");
    complete(note, withVariables("lateCirculationNote", "Translation delays"));

    // the attendance answers close two days before the meeting
    assertThat(tasks(pi, "ConfirmAttendance")).hasSize(25);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-02-19T09:00:00Z")));
    execute(timer(pi, "AttendanceDeadlineReached"));
    assertThat(tasks(pi, "ConfirmAttendance")).isEmpty();
    assertThat(pi).isWaitingAt("MeetingStarts");
  }

  @Test
  void withoutQuorumTheMeetingIsReconvenedOnShortNotice() {
    ProcessInstance pi = atTheMeeting();
    // 10 present and 2 represented of 25: short of 13
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(10)));
    assertThat(task(pi, "AdjournMeeting")).hasCandidateGroup("secretariat");

    // a week later is enough notice for a reconvened meeting
    complete(
        task(pi, "AdjournMeeting"),
        withVariables(
            "adjournment", "reconvene", "start", "2030-03-01T10:00", "end", "2030-03-01T14:00"));
    assertThat(runtimeService().getVariable(pi.getId(), "noticeDays")).isEqualTo(7);
    complete(task(pi, "ApproveConvocation"), withVariables("convocationDecision", "approve"));

    // the update goes out, and the agenda is not prepared again
    assertThat(calls.stream().filter("convene"::equals)).hasSize(2);
    assertThat(pi).isWaitingAt("MeetingStarts");
    assertThat(tasks(pi, "ProposeAgendaItems")).isEmpty();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-01T09:00:00Z")));
    execute(timer(pi, "MeetingStarts"));
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(13)));
    assertThat(task(pi, "RecordDecision")).hasCandidateGroup("secretariat");
  }

  @Test
  void withoutQuorumTheMeetingMayBeClosed() {
    ProcessInstance pi = atTheMeeting();
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(3)));
    complete(task(pi, "AdjournMeeting"), withVariables("adjournment", "close"));

    assertThat(pi).hasPassed("CloseAdjourned", "MeetingAdjourned").isEnded();
    assertThat(calls).contains("adjourn").doesNotContain("publish");
  }

  @Test
  void withoutQuorumTheItemsMayBeDecidedByWrittenProcedure() {
    agendaItems = List.of(1L);
    ProcessInstance pi = atTheMeeting();
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(3)));
    complete(task(pi, "AdjournMeeting"), withVariables("adjournment", "written"));
    assertThat(task(pi, "RunWrittenProcedure")).hasCandidateGroup("secretariat");
    complete(task(pi, "RunWrittenProcedure"), withVariables("writtenProcedureNote", "By mail"));

    decide(pi, 15, 5, 5);
    assertThat(calls).contains("decide 1 adopted");
    assertThat(pi).isWaitingAt("DraftMinutes");
  }

  @Test
  void returnedMinutesAreDraftedAgainAndTheReviewClosesAtTheEndOfItsPeriod() {
    agendaItems = List.of();
    ProcessInstance pi = atTheMeeting();
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(20)));

    complete(task(pi, "DraftMinutes"), withVariables("minutes", "Draft 1"));
    assertThat(tasks(pi, "ReviewMinutes")).hasSize(25);
    Date reviewEnd = timer(pi, "ReviewPeriodOver").getDuedate();
    assertThat(reviewEnd).isEqualTo(Date.from(Instant.parse("2030-03-03T09:00:00Z")));
    assertThat(tasks(pi, "ReviewMinutes"))
        .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(reviewEnd));
    ClockUtil.setCurrentTime(reviewEnd);
    execute(timer(pi, "ReviewPeriodOver"));

    complete(task(pi, "ApproveMinutes"), withVariables("minutesDecision", "return"));
    complete(task(pi, "DraftMinutes"), withVariables("minutes", "Draft 2"));
    tasks(pi, "ReviewMinutes").forEach(t -> complete(t));
    complete(task(pi, "ApproveMinutes"), withVariables("minutesDecision", "approve"));

    assertThat(pi).hasPassed("MeetingHeld").isEnded();
    assertThat(calls.stream().filter("store minutes"::equals)).hasSize(2);
  }

  // ---------------------------------------------------------------------------------- helpers

  private ProcessInstance start(String body, String start, String end) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("body", body);
    variables.put("title", "World Council, first session");
    variables.put("start", start);
    variables.put("end", end);
    variables.put("timeZone", "Europe/Madrid");
    variables.put("location", "Barcelona");
    variables.put("languages", "[\"en\",\"fr\",\"es\"]");
    variables.put("draftAgenda", "Opening");
    return runtimeService().startProcessInstanceByKey("statutory-meeting", "WC-2030-01", variables);
  }

  @Test
  void aDecisionNoRecommendationAwaitsAnyMoreRaisesAnIncidentOnTheMeeting() {
    // the real step, with the sitting's record saying the recommendation no longer waited
    Sittings sittings = mock(Sittings.class);
    when(sittings.decide(anyLong(), any(), any(), any(), any(), any()))
        .thenReturn(new Sittings.Decided(null, "REC-2030-01"));
    ProcessEngines.register("registerMeetingDecision", new RegisterMeetingDecision(sittings));
    ProcessInstance pi = atTheMeeting();
    complete(task(pi, "RecordAttendance"), withVariables("presentMembers", lines(20)));
    decide(pi, 14, 6, 0);

    // the quorum the sitting recorded, from the typed variables the quorum rule left
    ArgumentCaptor<Quorum> quorum = ArgumentCaptor.forClass(Quorum.class);
    verify(sittings, times(1))
        .decide(eq(1L), eq("adopted"), any(), quorum.capture(), eq(pi.getId()), any());
    assertThat(quorum.getValue()).isEqualTo(new Quorum(22, 13, true));
    assertThat(runtimeService().getVariable(pi.getId(), "quorumMet")).isEqualTo(true);
    assertThat(runtimeService().getVariable(pi.getId(), "quorumRequired")).isEqualTo(13);

    List<Incident> incidents =
        runtimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getIncidentType()).isEqualTo(AwaitedDecisions.NOT_AWAITED_INCIDENT);
              assertThat(i.getConfiguration()).isEqualTo("REC-2030-01");
              assertThat(i.getIncidentMessage()).contains("REC-2030-01", "adopted");
            });
    // the meeting goes on: the other items are decided, the incident stays for Cockpit
    assertThat(pi).isWaitingAt("RecordDecision");
  }

  private ProcessInstance convened(String start, String end) {
    ProcessInstance pi = start("world-council", start, end);
    complete(task(pi, "ApproveConvocation"), withVariables("convocationDecision", "approve"));
    return pi;
  }

  /** Convened, prepared on time, and the day has come (21 February 2030, 10:00 in Madrid). */
  private ProcessInstance atTheMeeting() {
    ProcessInstance pi = convened("2030-02-21T10:00", "2030-02-21T18:00");
    tasks(pi, "ProposeAgendaItems").forEach(t -> complete(t));
    tasks(pi, "ConfirmAttendance").forEach(t -> complete(t, withVariables("attendance", "absent")));
    complete(task(pi, "ConsolidateAgenda"), withVariables("agenda", "Opening"));
    complete(task(pi, "ApproveAgenda"), withVariables("agendaDecision", "approve"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-02-21T09:00:00Z")));
    execute(timer(pi, "MeetingStarts"));
    return pi;
  }

  private void decide(ProcessInstance pi, int inFavour, int against, int abstaining) {
    Task task = task(pi, "RecordDecision");
    assertThat(task).hasCandidateGroup("secretariat");
    complete(
        task,
        withVariables("votesFor", inFavour, "votesAgainst", against, "abstentions", abstaining));
  }

  private static String lines(int count) {
    return String.join("\n", MEMBERS.subList(0, count));
  }

  private static Task task(ProcessInstance pi, String activityId) {
    List<Task> tasks = tasks(pi, activityId);
    assertThat(tasks).as("open %s tasks", activityId).hasSize(1);
    return tasks.get(0);
  }

  private static List<Task> tasks(ProcessInstance pi, String activityId) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(activityId)
        .list();
  }

  private static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId())
        .toList();
  }

  private static Job timer(ProcessInstance pi, String activityId) {
    Job job =
        managementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    return job;
  }

  /** The lists the multi-instance steps run over. */
  public final class Roster {
    public List<String> contributors() {
      return CONTRIBUTORS;
    }

    public List<String> members(String bodyId) {
      return MEMBERS;
    }

    public List<Long> agendaItems(String businessKey) {
      return agendaItems;
    }
  }
}
