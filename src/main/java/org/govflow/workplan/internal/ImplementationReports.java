package org.govflow.workplan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.govflow.directory.Directory;
import org.govflow.workplan.internal.ReportRepository.LineRow;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Compiles a period's implementation report from the validated figures: progress by chapter and
 * section (each action weighs the same), the actions late or at risk with their owners, and the
 * change since the previous period.
 *
 * <p>What is compiled is a {@link Snapshot}: the figures in no language. From it come the CSV, the
 * record and each reader's copy. <b>The English HTML is the authoritative record</b>: it is what
 * the SHA-256 hashes and what the decision register keeps when the Executive Bureau takes note, and
 * it is stored as compiled. A reader sees the same snapshot rendered in their language and time
 * zone (headings, statuses, period, dates and body names; action texts and section titles stay in
 * the language they were written in), on the page and in the PDF, with the record's SHA-256.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImplementationReports {

  /** What a compilation gives: the English HTML (the record), its SHA-256, CSV and snapshot. */
  record Compiled(String html, String csv, String sha256, String data) {}

  /** The figures of a compiled report, in no language. */
  record Snapshot(int year, String period, List<Heading> sections, List<Line> actions) {}

  /** A chapter or section of the plan. */
  record Heading(String number, String title, int level) {}

  /** An action as the report counts it: owner body and status as codes, progress now and before. */
  record Line(
      String ref,
      String section,
      String kind,
      String partner,
      String owner,
      String status,
      int progress,
      int previous,
      String text) {}

  /** A chapter or section rolled up. */
  record Rollup(Heading section, int actions, int progress, int previous) {}

  /**
   * Who reads a report, and what the page says about it: when it was compiled (null for a preview
   * from today's figures), the record's SHA-256, and the register entry once noted.
   */
  record Reading(
      Locale locale,
      ZoneId zone,
      Instant compiledAt,
      String sha256,
      String notedBy,
      Long decisionId,
      Instant notedAt) {}

  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final Directory directory;
  private final MessageSource messages;
  private final ObjectMapper json;

  Compiled compile(PlanRow plan, ReportPeriod period) {
    Snapshot snapshot = snapshot(plan, period);
    String html = document(snapshot, null);
    return new Compiled(html, csv(snapshot), WorkPlanImports.sha256(html), write(snapshot));
  }

  /** Today's validated figures of the plan, against those of the period before. */
  Snapshot snapshot(PlanRow plan, ReportPeriod period) {
    Map<Long, Integer> previous = new HashMap<>();
    for (LineRow line : reports.validatedLines(plan.id(), period.previous().toString())) {
      previous.put(line.actionId(), line.progress());
    }
    List<Heading> sections =
        plans.sections(plan.id()).stream()
            .map(s -> new Heading(s.number(), s.title(), s.level()))
            .toList();
    List<Line> lines =
        plans.actions(plan.id()).stream()
            .map(
                (ActionRow a) ->
                    new Line(
                        a.ref(),
                        a.section(),
                        a.kind().code(),
                        a.partner(),
                        a.ownerBody(),
                        a.status().code(),
                        a.progress(),
                        previous.getOrDefault(a.id(), 0),
                        a.text()))
            .toList();
    return new Snapshot(plan.year(), period.toString(), sections, lines);
  }

  String write(Snapshot snapshot) {
    try {
      return json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Snapshot read(String data) {
    try {
      return json.readValue(data, Snapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable report snapshot", e);
    }
  }

  List<Rollup> rollups(Snapshot snapshot) {
    return snapshot.sections().stream()
        .map(
            s -> {
              List<Line> within =
                  snapshot.actions().stream()
                      .filter(
                          a ->
                              a.section().equals(s.number())
                                  || a.section().startsWith(s.number() + "."))
                      .toList();
              int n = within.size();
              int now = n == 0 ? 0 : within.stream().mapToInt(Line::progress).sum() / n;
              int before = n == 0 ? 0 : within.stream().mapToInt(Line::previous).sum() / n;
              return new Rollup(s, n, now, before);
            })
        .filter(r -> r.actions() > 0)
        .toList();
  }

  /** The report's title in a language: "Work plan 2027: implementation report Q1 2027". */
  String title(Snapshot snapshot, Locale locale) {
    return msg(
        "workplan.report.title",
        locale,
        String.valueOf(snapshot.year()),
        periodLabel(ReportPeriod.parse(snapshot.period()), locale));
  }

  /** A period as a reader names it: "Q1 2027", "T1 2027". */
  String periodLabel(ReportPeriod period, Locale locale) {
    return msg(
        "workplan.report.period-label",
        locale,
        String.valueOf(period.year()),
        String.valueOf(period.quarter()));
  }

  /**
   * The report as a whole HTML document: the English record when {@code reading} is null, else the
   * reader's copy (for the PDF).
   */
  String document(Snapshot snapshot, Reading reading) {
    Locale locale = reading == null ? Locale.ENGLISH : reading.locale();
    return "<!DOCTYPE html><html lang=\""
        + locale.getLanguage()
        + "\"><head><meta charset=\"UTF-8\"><title>"
        + esc(title(snapshot, locale))
        + "</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto}"
        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;"
        + "padding:.3rem;text-align:left;vertical-align:top}.num{text-align:right}"
        + ".meta{color:#4b5563}@page{size:A4;margin:1.5cm}</style></head><body><h1>"
        + esc(title(snapshot, locale))
        + "</h1>"
        + body(snapshot, reading)
        + "</body></html>";
  }

  /**
   * The report's content, without title: what the record holds when {@code reading} is null, and in
   * the reader's language with when it was compiled and noted otherwise.
   */
  String body(Snapshot snapshot, Reading reading) {
    Locale locale = reading == null ? Locale.ENGLISH : reading.locale();
    StringBuilder h = new StringBuilder();
    if (reading != null) {
      h.append(meta(reading));
    }
    String section = esc(msg("workplan.report.section", locale));
    String count = esc(msg("workplan.report.actions", locale));
    String progress = esc(msg("workplan.report.progress", locale));
    String change = esc(msg("workplan.report.change", locale));
    // a phone's card labels its cells in a narrow column: the change's short name
    String changeShort = esc(msg("workplan.report.change.short", locale));
    String action = esc(msg("workplan.report.action", locale));
    String owner = esc(msg("workplan.report.owner", locale));
    String status = esc(msg("workplan.report.status", locale));
    // on a phone (govflow.css) each row becomes a card whose cells say their column
    h.append("<h2>").append(esc(msg("workplan.report.by-section", locale))).append("</h2>");
    h.append("<table class=\"responsive\"><thead><tr><th>")
        .append(section)
        .append("</th><th class=\"num\">")
        .append(count)
        .append("</th><th class=\"num\">")
        .append(progress)
        .append("</th><th class=\"num\">")
        .append(change)
        .append("</th></tr></thead><tbody>");
    for (Rollup r : rollups(snapshot)) {
      h.append("<tr><td>")
          .append(r.section().level() == 1 ? "<strong>" : "")
          .append(esc(r.section().number() + " " + r.section().title()))
          .append(r.section().level() == 1 ? "</strong>" : "")
          .append(cell(count, true))
          .append(r.actions())
          .append(cell(progress, true))
          .append(r.progress())
          .append("%")
          .append(cell(changeShort, true))
          .append(signed(r.progress() - r.previous()))
          .append("</td></tr>");
    }
    h.append("</tbody></table><h2>")
        .append(esc(msg("workplan.report.attention", locale)))
        .append("</h2><table class=\"responsive\"><thead><tr><th>")
        .append(action)
        .append("</th><th>")
        .append(owner)
        .append("</th><th>")
        .append(status)
        .append("</th><th class=\"num\">")
        .append(progress)
        .append("</th></tr></thead><tbody>");
    for (Line a : snapshot.actions()) {
      if (!ActionStatus.LATE.code().equals(a.status())
          && !ActionStatus.AT_RISK.code().equals(a.status())) {
        continue;
      }
      h.append("<tr><td><strong>")
          .append(esc(a.ref()))
          .append("</strong> ")
          .append(WorkPlanText.html(a.text()))
          .append(cell(owner, false))
          .append(esc(bodyName(a.owner(), locale)))
          .append(cell(status, false))
          .append(esc(msg("workplan.status." + a.status(), locale)))
          .append(cell(progress, true))
          .append(a.progress())
          .append("% (")
          .append(signed(a.progress() - a.previous()))
          .append(")</td></tr>");
    }
    h.append("</tbody></table>");
    return h.toString();
  }

  /** Closes a cell and opens the next, which names its column for a phone's card. */
  private static String cell(String label, boolean number) {
    return "</td><td" + (number ? " class=\"num\"" : "") + " data-label=\"" + label + "\">";
  }

  private String meta(Reading reading) {
    Locale locale = reading.locale();
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(reading.zone());
    StringBuilder h = new StringBuilder("<p class=\"meta\">");
    if (reading.compiledAt() == null) {
      h.append(esc(msg("workplan.report.preview", locale)));
    } else {
      h.append(
          esc(
              msg(
                  "workplan.report.compiled-at",
                  locale,
                  when.format(reading.compiledAt()),
                  reading.zone().getId())));
      h.append("<br>");
      if (reading.decisionId() != null && reading.notedAt() != null) {
        h.append(
            esc(
                msg(
                    "workplan.report.noted",
                    locale,
                    bodyName(reading.notedBy(), locale),
                    when.format(reading.notedAt()),
                    String.valueOf(reading.decisionId()))));
      } else {
        h.append(esc(msg("workplan.report.awaiting", locale, bodyName(reading.notedBy(), locale))));
      }
      h.append("<br>").append(esc(msg("workplan.report.authoritative", locale, reading.sha256())));
    }
    return h.append("</p>").toString();
  }

  private String csv(Snapshot snapshot) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(
          "ref",
          "section",
          "kind",
          "partner",
          "owner",
          "status",
          "progress",
          "previous",
          "change",
          "text");
      for (Line a : snapshot.actions()) {
        csv.printRecord(
            a.ref(),
            a.section(),
            a.kind(),
            a.partner(),
            a.owner(),
            a.status(),
            a.progress(),
            a.previous(),
            a.progress() - a.previous(),
            WorkPlanText.plain(a.text()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String bodyName(String body, Locale locale) {
    if (body == null) {
      return "";
    }
    return directory.body(body).map(b -> b.name().in(locale)).orElse(body);
  }

  private String msg(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, code, locale);
  }

  private static String signed(int change) {
    return change > 0 ? "+" + change : String.valueOf(change);
  }

  private static String esc(String text) {
    return WorkPlanText.html(text == null ? "" : text.replace("*", "\u2217"))
        .replace("\u2217", "*");
  }
}
