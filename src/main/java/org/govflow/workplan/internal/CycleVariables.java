package org.govflow.workplan.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of bpmn/workplan-report.bpmn. */
final class CycleVariables {

  static final String YEAR = "year";
  static final String PERIOD = "period";
  static final String BODY = "body";
  static final String REPORT_DUE = "reportDue";
  static final String PERIOD_CLOSES = "periodCloses";

  /** The report's lines as JSON: [{ref, progress, proposal, slipDays, done, evidence}]. */
  static final String LINES = "lines";

  /** validated or returned. */
  static final String VALIDATION = "validation";

  static final String RETURN_COMMENT = "returnComment";
  static final String REPORT_SHA256 = "reportSha256";

  /** How long the Executive Bureau may take to take note before the follow-up (ISO duration). */
  static final String BUREAU_ESCALATION = "bureauEscalation";

  private CycleVariables() {}

  static int year(VariableScope scope) {
    return ((Number) scope.getVariable(YEAR)).intValue();
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }
}
