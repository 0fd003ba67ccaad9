package org.govflow.workplan.internal;

/**
 * A numbered chapter ({@code level} 1, "2.") or section ("2.1.", "2.2.2.1") of a work plan, with
 * the prose written under its heading before its actions.
 */
record PlanSection(
    String number, String title, String parent, int level, String description, int line) {

  boolean chapter() {
    return level == 1;
  }
}
