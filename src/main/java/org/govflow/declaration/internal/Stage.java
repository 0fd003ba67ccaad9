package org.govflow.declaration.internal;

import java.util.Arrays;
import java.util.Locale;

/** Where a declaration stands. */
enum Stage {
  DRAFTING,
  VALIDATION,
  TRANSLATION,
  ADOPTION,
  ADOPTED,
  REJECTED;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Stage of(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Not a stage: " + code));
  }
}
