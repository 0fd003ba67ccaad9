package org.govflow.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.govflow.support.ProcessEngines;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/workplan-report.bpmn on a real engine with the real status table, under a controlled clock:
 * reported and validated; returned then validated; overdue; the period closed with a body silent;
 * the Executive Bureau slow to take note, followed up by the Presidency and the secretariat. The
 * module's records (ReportCycle) need Spring and are a test double here; the integration test runs
 * them for real.
 */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/workplan-report.bpmn",
      "bpmn/workplan-status.dmn",
      "forms/workplan-report-start.form",
      "forms/workplan-report-report.form",
      "forms/workplan-report-validate.form",
      "forms/workplan-report-follow-up.form"
    })
class WorkPlanReportProcessTests {

  private static final String COUNCIL = "council-right-to-city";
  private static final String AFRICA = "section-africa";
  private static final String PERIOD = "2027-Q1";
  // the first working day after the quarter, 09:00 in Madrid
  private static final Instant START = Instant.parse("2027-04-01T07:00:00Z");
  private static final Instant REPORT_DUE = Instant.parse("2027-04-15T16:00:00Z");
  private static final Instant PERIOD_CLOSES = Instant.parse("2027-04-30T16:00:00Z");

  private static final ReportCycle cycle = mock(ReportCycle.class);
  private static final WorkPlanSettings settings =
      new WorkPlanSettings(
          "0 0 6 1 1,4,7,10 *",
          Duration.ofDays(15),
          Duration.ofDays(30),
          ZoneId.of("Europe/Madrid"),
          "executive-bureau",
          Duration.ofDays(60));

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  private ProcessEngine engine;

  @BeforeAll
  static void beans() {
    ProcessEngines.register("workplanReports", cycle);
    ProcessEngines.register("workplanPeriodOpened", new ReportPeriodOpened(cycle, settings));
    ProcessEngines.register("workplanReportOffered", new ReportOffered(cycle));
    ProcessEngines.register("workplanReportSubmitted", new ReportSubmitted(cycle));
    ProcessEngines.register("workplanReportChecked", new ReportChecked(cycle));
    ProcessEngines.register("workplanReportOverdue", new ReportOverdue(cycle));
    ProcessEngines.register("workplanReportsMissed", new ReportsMissed(cycle));
    ProcessEngines.register(
        "workplanImplementationCompiled", new ImplementationCompiled(cycle, settings));
    ProcessEngines.register(
        "workplanImplementationNoted", new ImplementationNoted(cycle, settings));
  }

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    ClockUtil.setCurrentTime(Date.from(START));
    reset(cycle);
    when(cycle.bodies(2027)).thenReturn(List.of(COUNCIL, AFRICA));
    when(cycle.compile(eq(2027), eq(PERIOD), anyString())).thenReturn("a".repeat(64));
    when(cycle.reporter(2027, PERIOD, COUNCIL)).thenReturn("ana.belmonte");
    when(cycle.reporter(2027, PERIOD, AFRICA)).thenReturn("kwame.mensah");
    when(cycle.actionsOf(2027, COUNCIL))
        .thenReturn(
            List.of(
                new WorkPlanRepository.ActionRow(
                    1L,
                    "1.1-B1",
                    "1.1",
                    ActionKind.BASIC,
                    null,
                    "Set up **hubs**.",
                    0,
                    COUNCIL,
                    "ana.belmonte",
                    ActionStatus.ON_TRACK,
                    20)));
    when(cycle.lines(2027, PERIOD, COUNCIL))
        .thenReturn(List.of(new ReportLine("1.1-B1", 40, null, 0, "done", null)));
    when(cycle.lines(2027, PERIOD, AFRICA))
        .thenReturn(List.of(new ReportLine("2.1.1-B2", 0, null, 12, null, null)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void reportedAndValidatedThenNotedByTheBureau() {
    ProcessInstance pi = start();
    assertThat(reportTasks()).hasSize(2);
    Task council = reportTask(COUNCIL);
    assertThat(council.getDueDate()).isEqualTo(Date.from(REPORT_DUE));
    // the task lists the body's actions for the form
    assertThat(engine.getTaskService().getVariableLocal(council.getId(), "actions"))
        .isEqualTo("1.1-B1 (20%): Set up hubs.");
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(council.getId()).stream()
                .map(l -> l.getGroupId()))
        .containsExactly(COUNCIL);

    report(COUNCIL, "ana.belmonte", "1.1-B1 | 40 | | 0 | done | https://example.org/e");
    verify(cycle)
        .submitted(
            2027,
            PERIOD,
            COUNCIL,
            "ana.belmonte",
            List.of(new ReportLine("1.1-B1", 40, null, 0, "done", "https://example.org/e")));
    validate(COUNCIL, "officer", "validated", null);
    // 40% done, a quarter of the year elapsed: on track
    verify(cycle).validated(2027, PERIOD, COUNCIL, "officer", Map.of("1.1-B1", "on-track"));

    report(AFRICA, "kwame.mensah", "2.1.1-B2 | 0 | | 12 | |");
    validate(AFRICA, "sg", "validated", null);
    // not started, but its milestone slipped 12 days: at risk
    verify(cycle).validated(2027, PERIOD, AFRICA, "sg", Map.of("2.1.1-B2", "at-risk"));

    verify(cycle).compile(2027, PERIOD, pi.getId());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), AwaitedDecisions.AWAITED_BODY))
        .isEqualTo("executive-bureau");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(pi.getId(), AwaitedDecisions.AWAITED_DOCUMENT_SHA256))
        .isEqualTo("a".repeat(64));
    bureauTakesNote(pi, 42L);
    verify(cycle).noted(2027, PERIOD, 42L, "executive-bureau", pi.getId(), pi.getBusinessKey());
    assertEnded(pi);
    verify(cycle, never()).missed(any(Integer.class), anyString());
  }

  @Test
  void fourEyesAndReturnedThenValidated() {
    ProcessInstance pi = start();
    report(COUNCIL, "ana.belmonte", "1.1-B1 | 40 | | 0 | done |");
    // the reporter may not validate her own report
    assertThatThrownBy(() -> validate(COUNCIL, "ana.belmonte", "validated", null))
        .hasMessageContaining("may not validate");
    validate(COUNCIL, "officer", "returned", "Add the evidence");
    verify(cycle).returned(2027, PERIOD, COUNCIL, "officer", "Add the evidence");
    assertThat(reportTask(COUNCIL)).isNotNull();
    report(COUNCIL, "ana.belmonte", "1.1-B1 | 40 | | 0 | done | https://example.org/e");
    validate(COUNCIL, "officer", "validated", null);
    verify(cycle).validated(2027, PERIOD, COUNCIL, "officer", Map.of("1.1-B1", "on-track"));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isEqualTo(1);
  }

  @Test
  void overdueReportIsMarkedAndStaysOpen() {
    start();
    ClockUtil.setCurrentTime(Date.from(REPORT_DUE.minusSeconds(60)));
    assertThat(dueTimers("ReportOverdue")).isEmpty();
    ClockUtil.setCurrentTime(Date.from(REPORT_DUE.plusSeconds(60)));
    List<Job> overdue = dueTimers("ReportOverdue");
    assertThat(overdue).hasSize(2);
    overdue.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    verify(cycle).overdue(2027, PERIOD, COUNCIL);
    verify(cycle).overdue(2027, PERIOD, AFRICA);
    assertThat(reportTasks()).hasSize(2);
  }

  @Test
  void periodClosesWithABodySilent() {
    ProcessInstance pi = start();
    report(COUNCIL, "ana.belmonte", "1.1-B1 | 40 | | 0 | done |");
    validate(COUNCIL, "officer", "validated", null);
    ClockUtil.setCurrentTime(Date.from(PERIOD_CLOSES.plusSeconds(60)));
    dueTimers("ReportOverdue").forEach(j -> engine.getManagementService().executeJob(j.getId()));
    List<Job> closed = dueTimers("PeriodClosed");
    assertThat(closed).hasSize(1);
    engine.getManagementService().executeJob(closed.get(0).getId());
    verify(cycle).missed(2027, PERIOD);
    verify(cycle).compile(2027, PERIOD, pi.getId());
    assertThat(reportTasks()).isEmpty();
    assertAwaitingBureau(pi);
  }

  @Test
  void bureauSlowToTakeNoteIsFollowedUpAndTheWaitGoesOn() {
    ProcessInstance pi = start();
    report(COUNCIL, "ana.belmonte", "1.1-B1 | 40 | | 0 | done |");
    validate(COUNCIL, "officer", "validated", null);
    report(AFRICA, "kwame.mensah", "2.1.1-B2 | 0 | | 12 | |");
    validate(AFRICA, "sg", "validated", null);
    verify(cycle).compile(2027, PERIOD, pi.getId());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "bureauEscalation"))
        .isEqualTo("PT1440H");

    // 60 days after the compilation, not a minute before, the Bureau's silence is followed up
    Instant compiled = START;
    ClockUtil.setCurrentTime(Date.from(compiled.plus(Duration.ofDays(60)).minusSeconds(60)));
    assertThat(dueTimers("BureauOverdue")).isEmpty();
    ClockUtil.setCurrentTime(Date.from(compiled.plus(Duration.ofDays(60)).plusSeconds(60)));
    List<Job> overdue = dueTimers("BureauOverdue");
    assertThat(overdue).hasSize(1);
    engine.getManagementService().executeJob(overdue.get(0).getId());
    Task followUp =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey("FollowUpBureau")
            .singleResult();
    assertThat(followUp).isNotNull();
    assertThat(
            engine.getTaskService().getIdentityLinksForTask(followUp.getId()).stream()
                .map(l -> l.getGroupId()))
        .containsExactlyInAnyOrder("presidency", "secretariat");
    complete(followUp, "sg", Map.of("followUpNote", "On the agenda of the Bureau's next meeting."));
    assertAwaitingBureau(pi);

    // the Bureau takes note later: the cycle ends as usual
    bureauTakesNote(pi, 43L);
    verify(cycle).noted(2027, PERIOD, 43L, "executive-bureau", pi.getId(), pi.getBusinessKey());
    assertEnded(pi);
  }

  private void assertAwaitingBureau(ProcessInstance pi) {
    assertThat(
            engine
                .getRuntimeService()
                .createExecutionQuery()
                .processInstanceId(pi.getId())
                .activityId("AwaitBureau")
                .count())
        .isEqualTo(1);
  }

  private void bureauTakesNote(ProcessInstance pi, long decisionId) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(AwaitedDecisions.MESSAGE)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariables(
            Map.of(AwaitedDecisions.OUTCOME, "noted", AwaitedDecisions.DECISION_ID, decisionId))
        .correlate();
  }

  private ProcessInstance start() {
    engine.getIdentityService().setAuthenticatedUserId("officer");
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "workplan-report",
                "WPR-" + System.nanoTime(),
                Map.of("year", 2027, "period", PERIOD));
    engine.getIdentityService().clearAuthentication();
    Job open =
        engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().executeJob(open.getId());
    verify(cycle).open(2027, PERIOD, pi.getId());
    return pi;
  }

  private List<Task> reportTasks() {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey("Report").list();
  }

  private Task reportTask(String body) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskDefinitionKey("Report")
        .taskCandidateGroup(body)
        .singleResult();
  }

  private void report(String body, String person, String lines) {
    complete(reportTask(body), person, Map.of("lines", lines));
  }

  private void validate(String body, String person, String validation, String comment) {
    Task task =
        engine.getTaskService().createTaskQuery().taskDefinitionKey("Validate").list().stream()
            .filter(t -> body.equals(engine.getTaskService().getVariable(t.getId(), "body")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("validation", validation);
    values.put("returnComment", comment);
    complete(task, person, values);
  }

  private void complete(Task task, String person, Map<String, Object> values) {
    engine.getIdentityService().setAuthenticatedUserId(person);
    try {
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<Job> dueTimers(String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .timers()
        .activityId(activityId)
        .executable()
        .list();
  }

  private void assertEnded(ProcessInstance pi) {
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
  }
}
