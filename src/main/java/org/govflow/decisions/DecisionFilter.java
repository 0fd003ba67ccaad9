package org.govflow.decisions;

import java.time.Instant;

/** What to list: any field may be null for "any". {@code text} searches the subjects. */
public record DecisionFilter(
    String processKey, String bodyId, Instant from, Instant to, String text) {

  public static DecisionFilter all() {
    return new DecisionFilter(null, null, null, null, null);
  }
}
