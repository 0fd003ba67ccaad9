package org.govflow.partnerships.internal;

import java.util.Arrays;

/** Where an MoU stands. */
enum MouStatus {
  ACTIVE("active"),
  RENEWAL_IN_PROGRESS("renewal-in-progress"),
  RENEWED("renewed"),
  LAPSED("lapsed"),
  EXPIRED_RENEWAL_PENDING("expired-renewal-pending");

  private final String key;

  MouStatus(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /** Whether the MoU is still in force (its current term runs or a renewal is being worked on). */
  boolean inForce() {
    return this != LAPSED;
  }

  static MouStatus of(String key) {
    return Arrays.stream(values())
        .filter(s -> s.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown MoU status " + key));
  }
}
