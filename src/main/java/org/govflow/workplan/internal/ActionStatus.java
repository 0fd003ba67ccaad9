package org.govflow.workplan.internal;

import java.util.Arrays;
import java.util.Optional;

/** Where an action stands, from its last validated report (on-track / at-risk / late by DMN). */
enum ActionStatus {
  NOT_STARTED("not-started"),
  ON_TRACK("on-track"),
  AT_RISK("at-risk"),
  LATE("late"),
  DONE("done"),
  DROPPED("dropped");

  private final String code;

  ActionStatus(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static Optional<ActionStatus> of(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
