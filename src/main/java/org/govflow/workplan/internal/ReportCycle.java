package org.govflow.workplan.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.workflow.EngineClock;
import org.govflow.workplan.internal.ReportRepository.ReportRow;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of the reporting cycle (bpmn/workplan-report.bpmn), which its delegates call: the
 * reports opened per owner body, what each reported, the secretariat's validation or return (only
 * validated figures move an action's progress and status), the period's close, the compiled
 * implementation report and the Executive Bureau's taking note of it in the register.
 */
@Service("workplanReports")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportCycle {

  static final String PROCESS = "workplan-report";
  static final String SYSTEM = "system";

  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final ImplementationReports compiler;
  private final DecisionRegister register;

  /** The bodies that own actions of the year's plan: one report each (the model's collection). */
  public List<String> bodies(int year) {
    return plans.actions(plan(year).id()).stream()
        .map(ActionRow::ownerBody)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  @Transactional
  void open(int year, String period, String processInstanceId) {
    PlanRow plan = plan(year);
    for (String body : bodies(year)) {
      if (reports.report(plan.id(), period, body).isEmpty()) {
        reports.open(plan.id(), period, body, processInstanceId);
      }
    }
  }

  /** The actions a body reports on. */
  List<ActionRow> actionsOf(int year, String body) {
    return plans.actions(plan(year).id()).stream().filter(a -> body.equals(a.ownerBody())).toList();
  }

  @Transactional
  void submitted(int year, String period, String body, String by, List<ReportLine> lines) {
    ReportRow report = report(year, period, body);
    Map<String, ActionRow> owned =
        actionsOf(year, body).stream().collect(Collectors.toMap(ActionRow::ref, a -> a));
    reports.submitted(report.id(), by, EngineClock.now());
    for (ReportLine line : lines) {
      ActionRow action = owned.get(line.ref());
      if (action == null) {
        throw new IllegalArgumentException(line.ref() + " is not an action of " + body);
      }
      if (line.progress() < 0 || line.progress() > 100 || line.slipDays() < 0) {
        throw new IllegalArgumentException("progress 0-100 and slippage >= 0: " + line);
      }
      reports.line(report.id(), action.id(), line);
    }
  }

  /** Who submitted the body's report of the period, or null. */
  String reporter(int year, String period, String body) {
    return report(year, period, body).reportedBy();
  }

  List<ReportLine> lines(int year, String period, String body) {
    ReportRow report = report(year, period, body);
    Map<Long, String> refs =
        plans.actions(plan(year).id()).stream()
            .collect(Collectors.toMap(ActionRow::id, ActionRow::ref));
    return reports.lines(report.id()).stream()
        .filter(l -> refs.containsKey(l.actionId()))
        .map(
            l ->
                new ReportLine(
                    refs.get(l.actionId()),
                    l.progress(),
                    l.proposal(),
                    l.slipDays(),
                    l.done(),
                    l.evidence()))
        .toList();
  }

  @Transactional
  void returned(int year, String period, String body, String by, String comment) {
    reports.returned(report(year, period, body).id(), by, comment);
  }

  /**
   * The secretariat validated the body's report: each action takes the reported progress and the
   * status the rule table gave ({@code statuses} by reference).
   */
  @Transactional
  void validated(int year, String period, String body, String by, Map<String, String> statuses) {
    ReportRow report = report(year, period, body);
    Instant now = EngineClock.now();
    reports.validated(report.id(), by, now);
    Map<String, ActionRow> owned =
        actionsOf(year, body).stream().collect(Collectors.toMap(ActionRow::ref, a -> a));
    for (ReportLine line : lines(year, period, body)) {
      ActionRow action = owned.get(line.ref());
      String status = statuses.get(line.ref());
      if (action == null || status == null) {
        continue;
      }
      reports.lineStatus(report.id(), action.id(), status);
      ActionStatus next = ActionStatus.of(status).orElseThrow();
      plans.setStatus(action.id(), next, line.progress(), now);
      if (action.progress() != line.progress()) {
        plans.history(
            action.id(),
            by,
            "progress",
            String.valueOf(action.progress()),
            String.valueOf(line.progress()),
            now);
      }
      if (action.status() != next) {
        plans.history(action.id(), by, "status", action.status().code(), status, now);
      }
    }
  }

  @Transactional
  void overdue(int year, String period, String body) {
    ReportRow report = report(year, period, body);
    if (Set.of("open", "returned").contains(report.state())) {
      reports.state(report.id(), "overdue");
    }
  }

  /** The period closed: reports not validated are missed; how many. */
  @Transactional
  int missed(int year, String period) {
    int missed = 0;
    for (ReportRow report : reports.reports(plan(year).id(), period)) {
      if (!"validated".equals(report.state())) {
        reports.state(report.id(), "missed");
        missed++;
      }
    }
    return missed;
  }

  /** Compiles and stores the period's implementation report; its SHA-256. */
  @Transactional
  String compile(int year, String period, String processInstanceId) {
    PlanRow plan = plan(year);
    ImplementationReports.Compiled compiled = compiler.compile(plan, ReportPeriod.parse(period));
    reports.saveImplementation(
        plan.id(),
        period,
        compiled.sha256(),
        compiled.html(),
        compiled.csv(),
        compiled.data(),
        processInstanceId,
        EngineClock.now());
    return compiled.sha256();
  }

  /**
   * The Executive Bureau took note of the report: the meeting's register entry, or one recorded
   * here with the report's SHA-256 when the meeting recorded none.
   */
  @Transactional
  long noted(
      int year,
      String period,
      Long decisionId,
      String bodyId,
      String processInstanceId,
      String businessKey) {
    PlanRow plan = plan(year);
    var implementation =
        reports
            .implementation(plan.id(), period)
            .orElseThrow(() -> new IllegalStateException("No report compiled for " + period));
    Instant now = EngineClock.now();
    long id =
        decisionId != null
            ? decisionId
            : register
                .record(
                    new NewDecision(
                        bodyId,
                        PROCESS,
                        processInstanceId,
                        businessKey,
                        "Work plan " + year + ": implementation report " + period,
                        "noted",
                        null,
                        List.of(),
                        null,
                        null,
                        implementation.sha256(),
                        now,
                        SYSTEM))
                .id();
    reports.noted(plan.id(), period, id, now);
    return id;
  }

  Decision decision(long id) {
    return register.find(id).orElseThrow();
  }

  private ReportRow report(int year, String period, String body) {
    return reports
        .report(plan(year).id(), period, body)
        .orElseThrow(() -> new IllegalStateException("No report of " + body + " for " + period));
  }

  private PlanRow plan(int year) {
    return plans
        .plan(year)
        .orElseThrow(() -> new IllegalStateException("No work plan for " + year));
  }
}
