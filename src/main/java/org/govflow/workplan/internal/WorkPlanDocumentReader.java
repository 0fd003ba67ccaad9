package org.govflow.workplan.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a work plan written as the organisation writes it (plain text or Markdown): numbered
 * chapters and sections ({@code 1.}, {@code 2.1.}, {@code 2.1.1}, {@code 2.2.2.1}), prose under
 * them, headings of a kind of action, and the actions as bullet lines ("- ", "* " or "• ") under
 * those headings. An indented bullet is a sub-item of the action above it and stays in its text; a
 * line right under an action (no blank line between) continues it. Prose between sections (a group
 * label such as "Personas") is neither a section nor an action. Emphasis markers are kept.
 */
final class WorkPlanDocumentReader {

  private static final Pattern HEADING =
      Pattern.compile(
          "^#{0,6}\\s*(?<number>\\d{1,2}(?:\\.\\d{1,2})*)(?<dot>\\.?)\\s+(?<title>\\S.*)$");
  private static final Pattern BULLET = Pattern.compile("^(?<indent>\\s*)[-*•]\\s+(?<text>.*)$");
  private static final Pattern MORE_DASHES = Pattern.compile("^(?:[-•]\\s+)+");

  private WorkPlanDocumentReader() {}

  static ParsedWorkPlan read(String content) {
    PlanBuilder plan = new PlanBuilder();
    String[] lines = content.split("\\r\\n|\\r|\\n", -1);
    String section = null;
    KindHeading kind = null;
    boolean lastWasAction = false;
    int lastLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].stripTrailing();
      if (line.isBlank()) {
        lastWasAction = false;
        continue;
      }
      lastLine = lineNo;
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches() && !line.strip().startsWith("**")) {
        String text = MORE_DASHES.matcher(bullet.group("text").strip()).replaceFirst("");
        if (section == null) {
          throw new WorkPlanFormatException(lineNo, "workplan.import.bullet-before-section");
        }
        if (kind == null) {
          throw new WorkPlanFormatException(
              lineNo, "workplan.import.action-before-heading", section);
        }
        if (text.isBlank()) {
          throw new WorkPlanFormatException(lineNo, "workplan.import.empty-action");
        }
        if (!bullet.group("indent").isEmpty() && lastWasAction) {
          plan.subItem(text);
        } else {
          plan.action(section, kind.kind(), kind.partner(), text, null, lineNo);
        }
        lastWasAction = true;
        continue;
      }
      String trimmed = line.strip();
      Matcher heading = HEADING.matcher(trimmed.replace("**", ""));
      if (heading.matches()
          && (heading.group("number").contains(".") || !heading.group("dot").isEmpty())) {
        section = heading.group("number");
        plan.section(section, heading.group("title"), lineNo);
        kind = null;
        lastWasAction = false;
        continue;
      }
      Optional<KindHeading> kindHeading;
      try {
        kindHeading = KindHeading.read(trimmed);
      } catch (KindHeading.Malformed e) {
        throw new WorkPlanFormatException(lineNo, "workplan.import.malformed-heading", trimmed);
      }
      if (kindHeading.isPresent()) {
        if (section == null) {
          throw new WorkPlanFormatException(lineNo, "workplan.import.heading-before-section");
        }
        kind = kindHeading.get();
        lastWasAction = false;
        continue;
      }
      if (lastWasAction) {
        plan.continueAction(trimmed);
      } else if (section == null) {
        plan.title(trimmed);
      } else if (kind == null) {
        plan.describe(section, trimmed);
      }
    }
    if (lastLine == 0) {
      throw new WorkPlanFormatException(0, "workplan.import.empty");
    }
    return plan.build(lastLine);
  }
}
