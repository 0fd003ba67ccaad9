package org.govflow.workplan.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workplan.internal.ImplementationReports.Reading;
import org.govflow.workplan.internal.ImplementationReports.Rollup;
import org.govflow.workplan.internal.ImplementationReports.Snapshot;
import org.govflow.workplan.internal.ReportRepository.Implementation;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.stereotype.Component;

/**
 * A period's implementation report as read: the compiled one (with its SHA-256 and, once the
 * Executive Bureau took note, its register entry), or a preview from today's validated figures; as
 * the record (English HTML, CSV) or in a reader's language and time zone (page, PDF).
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

  /** A report in a reader's language: its title, its body for a page, the whole for a PDF. */
  record ReaderCopy(
      int year, String period, String title, boolean compiled, String body, String document) {}

  /** A compiled report of a plan, as the plan's page lists it. */
  record Compiled(String period, String label, Instant compiledAt, boolean noted) {}

  private final WorkPlanOwners owners;
  private final ReportRepository reports;
  private final ImplementationReports compiler;
  private final WorkPlanSettings settings;
  private final ReportPdf pdf;

  ReportView view(int year, String period) {
    Found found = find(year, period);
    List<SectionProgress> sections =
        compiler.rollups(found.snapshot()).stream().map(Implementations::section).toList();
    Implementation s = found.stored();
    if (s != null) {
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
    var preview = compiler.compile(found.plan(), ReportPeriod.parse(period));
    return new ReportView(
        year, period, false, null, preview.sha256(), null, sections, preview.html(), preview.csv());
  }

  /** The report in the reader's language and time zone. */
  ReaderCopy read(int year, String period, Locale locale, ZoneId zone) {
    Found found = find(year, period);
    Implementation s = found.stored();
    Reading reading =
        s == null
            ? new Reading(locale, zone, null, null, settings.takesNote(), null, null)
            : new Reading(
                locale,
                zone,
                s.compiledAt(),
                s.sha256(),
                settings.takesNote(),
                s.decisionId(),
                s.notedAt());
    return new ReaderCopy(
        year,
        period,
        compiler.title(found.snapshot(), locale),
        s != null,
        compiler.body(found.snapshot(), reading),
        compiler.document(found.snapshot(), reading));
  }

  /** The reader's copy as PDF. */
  byte[] pdf(int year, String period, Locale locale, ZoneId zone) {
    return pdf.render(read(year, period, locale, zone).document());
  }

  /** The plan's compiled reports, latest first, their period in the reader's language. */
  List<Compiled> compiled(int year, Locale locale) {
    PlanRow plan = owners.plan(year);
    return reports.implementations(plan.id()).stream()
        .map(
            i ->
                new Compiled(
                    i.period(),
                    compiler.periodLabel(ReportPeriod.parse(i.period()), locale),
                    i.compiledAt(),
                    i.decisionId() != null))
        .toList();
  }

  private record Found(PlanRow plan, Implementation stored, Snapshot snapshot) {}

  /**
   * The compiled report's snapshot; today's figures for a period not compiled yet, or compiled
   * before snapshots were kept.
   */
  private Found find(int year, String period) {
    if (!ReportPeriod.valid(period)) {
      throw Refusal.invalid(
          List.of(new FieldError("period", period == null ? "" : period)),
          "workplan.report.period",
          String.valueOf(period));
    }
    PlanRow plan = owners.plan(year);
    ReportPeriod p = ReportPeriod.parse(period);
    Implementation stored = reports.implementation(plan.id(), p.toString()).orElse(null);
    Snapshot snapshot =
        stored != null && stored.data() != null
            ? compiler.read(stored.data())
            : compiler.snapshot(plan, p);
    return new Found(plan, stored, snapshot);
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
