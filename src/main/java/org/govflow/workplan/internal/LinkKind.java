package org.govflow.workplan.internal;

import java.util.Arrays;
import java.util.Optional;

/** What a work plan action may link to. */
enum LinkKind {
  RECOMMENDATION("recommendation"),
  MEETING("meeting"),
  DECISION("decision"),
  DECLARATION("declaration"),
  MOU("mou");

  private final String code;

  LinkKind(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }

  static Optional<LinkKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
