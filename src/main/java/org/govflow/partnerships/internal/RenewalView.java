package org.govflow.partnerships.internal;

import java.time.Instant;

/** A renewal as the API and pages show it. */
record RenewalView(
    int termNo,
    String processInstanceId,
    String businessKey,
    String startedBy,
    Instant startedAt,
    String stage,
    String outcome) {

  static RenewalView of(Renewal r) {
    return new RenewalView(
        r.termNo(),
        r.processInstanceId(),
        r.businessKey(),
        r.startedBy(),
        r.startedAt(),
        r.running() ? r.stage() : null,
        r.outcome());
  }
}
