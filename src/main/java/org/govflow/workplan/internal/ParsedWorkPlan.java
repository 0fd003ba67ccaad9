package org.govflow.workplan.internal;

import java.util.List;

/** A work plan as read from a file, before it is stored: its sections in order and its actions. */
record ParsedWorkPlan(String title, List<PlanSection> sections, List<PlanAction> actions) {

  long chapterCount() {
    return sections.stream().filter(PlanSection::chapter).count();
  }

  long sectionCount() {
    return sections.stream().filter(s -> !s.chapter()).count();
  }

  List<PlanAction> actionsOf(String section) {
    return actions.stream().filter(a -> a.section().equals(section)).toList();
  }
}
