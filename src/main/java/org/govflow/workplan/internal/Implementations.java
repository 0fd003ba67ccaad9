package org.govflow.workplan.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workplan.internal.ImplementationReports.Rollup;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.stereotype.Component;

/**
 * A period's implementation report as read: the compiled one (with its SHA-256 and, once the
 * Executive Bureau took note, its register entry), or a preview from today's validated figures.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Implementations {

  record SectionProgress(
      String number, String title, int level, int actions, int progress, int change) {}

  record ReportView(
      int year,
      String period,
      boolean compiled,
      Instant compiledAt,
      String sha256,
      Long decisionId,
      List<SectionProgress> sections,
      @JsonIgnore String html,
      @JsonIgnore String csv) {}

  private final WorkPlanOwners owners;
  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final ImplementationReports compiler;

  ReportView view(int year, String period) {
    if (!ReportPeriod.valid(period)) {
      throw Refusal.invalid(
          List.of(new FieldError("period", period == null ? "" : period)),
          "workplan.report.period",
          String.valueOf(period));
    }
    PlanRow plan = owners.plan(year);
    ReportPeriod p = ReportPeriod.parse(period);
    Map<Long, Integer> previous = new HashMap<>();
    reports
        .validatedLines(plan.id(), p.previous().toString())
        .forEach(l -> previous.put(l.actionId(), l.progress()));
    List<SectionProgress> sections =
        compiler.rollups(plan, plans.actions(plan.id()), previous).stream()
            .map(Implementations::section)
            .toList();
    var stored = reports.implementation(plan.id(), period);
    if (stored.isPresent()) {
      var s = stored.get();
      return new ReportView(
          year,
          period,
          true,
          s.compiledAt(),
          s.sha256(),
          s.decisionId(),
          sections,
          s.html(),
          s.csv());
    }
    var preview = compiler.compile(plan, p);
    return new ReportView(
        year, period, false, null, preview.sha256(), null, sections, preview.html(), preview.csv());
  }

  private static SectionProgress section(Rollup r) {
    return new SectionProgress(
        r.section().number(),
        r.section().title(),
        r.section().level(),
        r.actions(),
        r.progress(),
        r.progress() - r.previous());
  }
}
