package org.govflow.partnerships.internal;

import java.util.Arrays;
import java.util.Optional;

/** How an MoU is renewed: by a signed renewal (express), or unless a party opts out (tacit). */
enum RenewalKind {
  EXPRESS("express"),
  TACIT("tacit");

  private final String key;

  RenewalKind(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  static Optional<RenewalKind> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
