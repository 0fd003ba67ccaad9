package org.govflow.partnerships.internal;

import java.time.Instant;

/** A renewal process of one term of an MoU, and where it is. */
record Renewal(
    long mouId,
    int termNo,
    String processInstanceId,
    String businessKey,
    String startedBy,
    Instant startedAt,
    String stage,
    String outcome) {

  boolean running() {
    return outcome == null;
  }
}
