package org.govflow.workplan.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the sections and actions read from a file, checks the numbering and gives each action
 * its reference: the section's number, a dash, the kind's letter and the action's position among
 * the actions of that kind in that section ({@code 2.1.1-B3}, {@code 2.1.1-R8}, {@code 2.1.1-P1}).
 * The position counts across all blocks of one kind in a section, and across partners for P.
 */
final class PlanBuilder {

  static final Pattern NUMBER = Pattern.compile("\\d{1,2}(?:\\.\\d{1,2})*");

  private final Map<String, Section> sections = new LinkedHashMap<>();
  private final List<Action> actions = new ArrayList<>();
  private final Map<String, Map<ActionKind, Integer>> counters = new HashMap<>();
  private String title;

  private static final class Section {
    final String number;
    final String title;
    final int line;
    final StringBuilder description = new StringBuilder();
    boolean hasActions;

    Section(String number, String title, int line) {
      this.number = number;
      this.title = title;
      this.line = line;
    }
  }

  private static final class Action {
    final String ref;
    final String section;
    final ActionKind kind;
    final String partner;
    final StringBuilder text;
    final String owner;
    final int line;

    Action(
        String ref,
        String section,
        ActionKind kind,
        String partner,
        String text,
        String owner,
        int line) {
      this.ref = ref;
      this.section = section;
      this.kind = kind;
      this.partner = partner;
      this.text = new StringBuilder(text);
      this.owner = owner;
      this.line = line;
    }
  }

  void title(String value) {
    if (title == null && value != null && !value.isBlank()) {
      title = value.replace("**", "").trim();
    }
  }

  boolean hasSection(String number) {
    return sections.containsKey(number);
  }

  /** Adds a chapter or section; its parent ("2.1" for "2.1.3") must come first. */
  void section(String number, String sectionTitle, int line) {
    if (sections.containsKey(number)) {
      throw new WorkPlanFormatException(
          line, "workplan.import.duplicate-section", number, sections.get(number).line);
    }
    int dot = number.lastIndexOf('.');
    if (dot > 0 && !sections.containsKey(number.substring(0, dot))) {
      throw new WorkPlanFormatException(
          line, "workplan.import.orphan-section", number, number.substring(0, dot));
    }
    if (sectionTitle == null || sectionTitle.isBlank()) {
      throw new WorkPlanFormatException(line, "workplan.import.section-title", number);
    }
    sections.put(number, new Section(number, sectionTitle.replace("**", "").trim(), line));
  }

  /** Prose under a section's heading, before its first action. */
  void describe(String section, String text) {
    Section s = sections.get(section);
    if (!s.hasActions) {
      if (!s.description.isEmpty()) {
        s.description.append('\n');
      }
      s.description.append(text.trim());
    }
  }

  void action(
      String section, ActionKind kind, String partner, String text, String owner, int line) {
    int position =
        counters
            .computeIfAbsent(section, k -> new EnumMap<>(ActionKind.class))
            .merge(kind, 1, Integer::sum);
    String ref = section + "-" + kind.letter() + position;
    sections.get(section).hasActions = true;
    actions.add(
        new Action(
            ref, section, kind, blankToNull(partner), text.trim(), blankToNull(owner), line));
  }

  boolean hasAction() {
    return !actions.isEmpty();
  }

  /** A sub-item of the last action (an indented bullet), kept in its text as a "- " line. */
  void subItem(String text) {
    actions.get(actions.size() - 1).text.append("\n- ").append(text.trim());
  }

  /** A line that continues the last action's text (a wrapped bullet). */
  void continueAction(String text) {
    actions.get(actions.size() - 1).text.append(' ').append(text.trim());
  }

  ParsedWorkPlan build(int lastLine) {
    if (sections.isEmpty()) {
      throw new WorkPlanFormatException(lastLine, "workplan.import.no-section");
    }
    if (actions.isEmpty()) {
      throw new WorkPlanFormatException(lastLine, "workplan.import.no-actions");
    }
    List<PlanSection> planSections =
        sections.values().stream()
            .map(
                s -> {
                  int dot = s.number.lastIndexOf('.');
                  return new PlanSection(
                      s.number,
                      s.title,
                      dot > 0 ? s.number.substring(0, dot) : null,
                      s.number.split("\\.").length,
                      s.description.isEmpty() ? null : s.description.toString(),
                      s.line);
                })
            .toList();
    List<PlanAction> planActions =
        actions.stream()
            .map(
                a ->
                    new PlanAction(
                        a.ref, a.section, a.kind, a.partner, a.text.toString(), a.owner, a.line))
            .toList();
    return new ParsedWorkPlan(title, planSections, planActions);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
