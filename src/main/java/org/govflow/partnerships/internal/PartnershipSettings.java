package org.govflow.partnerships.internal;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How MoU renewals run.
 *
 * @param leadTime how long before the opt-out notice date a renewal starts by itself
 * @param maxRounds the most negotiation rounds with a partner before the renewal is given up
 * @param autoStart whether this node's sweep starts renewals (every node may: each term starts
 *     once)
 * @param sweepInterval how often the sweep looks for renewals to start
 * @param sweepDelay how long after start-up it looks first
 */
@ConfigurationProperties("govflow.partnerships")
record PartnershipSettings(
    @DefaultValue("P60D") Period leadTime,
    @DefaultValue("3") int maxRounds,
    @DefaultValue("true") boolean autoStart,
    @DefaultValue("PT15M") Duration sweepInterval,
    @DefaultValue("PT20S") Duration sweepDelay) {

  PartnershipSettings {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("govflow.partnerships.max-rounds must be 1 or more");
    }
    if (leadTime.isNegative()) {
      throw new IllegalArgumentException("govflow.partnerships.lead-time must not be negative");
    }
  }
}
