package org.govflow.workplan.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import org.govflow.workplan.internal.WorkPlanRepository.SectionRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Compiles a period's implementation report from the validated figures: progress by chapter and
 * section (each action weighs the same), the actions late or at risk with their owners, and the
 * change since the previous period; as an HTML page and a CSV file, with the SHA-256 of the HTML.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ImplementationReports {

  record Compiled(String html, String csv, String sha256) {}

  /** A chapter or section rolled up. */
  record Rollup(SectionRow section, int actions, int progress, int previous) {}

  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final Directory directory;
  private final MessageSource messages;

  Compiled compile(PlanRow plan, ReportPeriod period) {
    Locale locale = Locale.ENGLISH;
    List<ActionRow> actions = plans.actions(plan.id());
    Map<Long, Integer> previous = new HashMap<>();
    for (LineRow line : reports.validatedLines(plan.id(), period.previous().toString())) {
      previous.put(line.actionId(), line.progress());
    }
    List<Rollup> rollups = rollups(plan, actions, previous);
    String html = html(plan, period, rollups, actions, previous, locale);
    String csv = csv(actions, previous);
    return new Compiled(html, csv, WorkPlanImports.sha256(html));
  }

  List<Rollup> rollups(PlanRow plan, List<ActionRow> actions, Map<Long, Integer> previous) {
    return plans.sections(plan.id()).stream()
        .map(
            s -> {
              List<ActionRow> within =
                  actions.stream()
                      .filter(
                          a ->
                              a.section().equals(s.number())
                                  || a.section().startsWith(s.number() + "."))
                      .toList();
              int n = within.size();
              int now = n == 0 ? 0 : within.stream().mapToInt(ActionRow::progress).sum() / n;
              int before =
                  n == 0
                      ? 0
                      : within.stream().mapToInt(a -> previous.getOrDefault(a.id(), 0)).sum() / n;
              return new Rollup(s, n, now, before);
            })
        .filter(r -> r.actions() > 0)
        .toList();
  }

  private String html(
      PlanRow plan,
      ReportPeriod period,
      List<Rollup> rollups,
      List<ActionRow> actions,
      Map<Long, Integer> previous,
      Locale locale) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>")
        .append(
            esc(
                msg(
                    "workplan.report.title",
                    locale,
                    String.valueOf(plan.year()),
                    period.toString())))
        .append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto}")
        .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;")
        .append("padding:.3rem;text-align:left}.num{text-align:right}</style></head><body>");
    h.append("<h1>")
        .append(
            esc(
                msg(
                    "workplan.report.title",
                    locale,
                    String.valueOf(plan.year()),
                    period.toString())));
    h.append("</h1><h2>").append(esc(msg("workplan.report.by-section", locale))).append("</h2>");
    h.append("<table><thead><tr><th>")
        .append(esc(msg("workplan.report.section", locale)))
        .append("</th><th class=\"num\">")
        .append(esc(msg("workplan.report.actions", locale)))
        .append("</th><th class=\"num\">")
        .append(esc(msg("workplan.report.progress", locale)))
        .append("</th><th class=\"num\">")
        .append(esc(msg("workplan.report.change", locale)))
        .append("</th></tr></thead><tbody>");
    for (Rollup r : rollups) {
      h.append("<tr><td>")
          .append(r.section().level() == 1 ? "<strong>" : "")
          .append(esc(r.section().number() + " " + r.section().title()))
          .append(r.section().level() == 1 ? "</strong>" : "")
          .append("</td><td class=\"num\">")
          .append(r.actions())
          .append("</td><td class=\"num\">")
          .append(r.progress())
          .append("%</td><td class=\"num\">")
          .append(signed(r.progress() - r.previous()))
          .append("</td></tr>");
    }
    h.append("</tbody></table><h2>")
        .append(esc(msg("workplan.report.attention", locale)))
        .append("</h2><table><thead><tr><th>")
        .append(esc(msg("workplan.report.action", locale)))
        .append("</th><th>")
        .append(esc(msg("workplan.report.owner", locale)))
        .append("</th><th>")
        .append(esc(msg("workplan.report.status", locale)))
        .append("</th><th class=\"num\">")
        .append(esc(msg("workplan.report.progress", locale)))
        .append("</th></tr></thead><tbody>");
    for (ActionRow a : actions) {
      if (a.status() != ActionStatus.LATE && a.status() != ActionStatus.AT_RISK) {
        continue;
      }
      h.append("<tr><td><strong>")
          .append(esc(a.ref()))
          .append("</strong> ")
          .append(WorkPlanText.html(a.text()))
          .append("</td><td>")
          .append(esc(ownerName(a.ownerBody(), locale)))
          .append("</td><td>")
          .append(esc(msg("workplan.status." + a.status().code(), locale)))
          .append("</td><td class=\"num\">")
          .append(a.progress())
          .append("% (")
          .append(signed(a.progress() - previous.getOrDefault(a.id(), 0)))
          .append(")</td></tr>");
    }
    h.append("</tbody></table></body></html>");
    return h.toString();
  }

  private String csv(List<ActionRow> actions, Map<Long, Integer> previous) {
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
      for (ActionRow a : actions) {
        int before = previous.getOrDefault(a.id(), 0);
        csv.printRecord(
            a.ref(),
            a.section(),
            a.kind().code(),
            a.partner(),
            a.ownerBody(),
            a.status().code(),
            a.progress(),
            before,
            a.progress() - before,
            WorkPlanText.plain(a.text()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String ownerName(String body, Locale locale) {
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
