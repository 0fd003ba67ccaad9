package org.govflow.workplan.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporting cycle ({@code govflow.workplan}): when a period's cycle starts (a cron, by default
 * on the first day after each quarter), how long after the period's end its reports are due and the
 * period closes, the body that takes note of the implementation report, and how long it may take
 * before the Presidency and the secretariat are asked to follow it up.
 */
@ConfigurationProperties("govflow.workplan")
record WorkPlanSettings(
    @DefaultValue("0 0 6 1 1,4,7,10 *") String cycleCron,
    @DefaultValue("P15D") Duration reportAfter,
    @DefaultValue("P30D") Duration closeAfter,
    @DefaultValue("Europe/Madrid") ZoneId zone,
    @DefaultValue("executive-bureau") String takesNote,
    @DefaultValue("P60D") Duration bureauEscalation) {

  WorkPlanSettings {
    if (bureauEscalation.isNegative() || bureauEscalation.isZero()) {
      throw new IllegalArgumentException("govflow.workplan.bureau-escalation must be positive");
    }
  }
}
