package org.govflow.recommendations.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durations of a recommendation's process that the statutes leave to the installation.
 *
 * @param votePeriod how long council members have to vote, in calendar days, due at the
 *     secretariat's close of business
 * @param worldCouncilEscalation how long a recommendation may wait for a World Council meeting
 *     before the secretariat is asked to follow it up
 */
@ConfigurationProperties("govflow.recommendations")
record RecommendationSettings(
    @DefaultValue("14") int votePeriod, @DefaultValue("P90D") Duration worldCouncilEscalation) {

  public RecommendationSettings {
    if (votePeriod < 1) {
      throw new IllegalArgumentException("govflow.recommendations.vote-period must be 1 or more");
    }
    if (worldCouncilEscalation.isNegative() || worldCouncilEscalation.isZero()) {
      throw new IllegalArgumentException(
          "govflow.recommendations.world-council-escalation must be positive");
    }
  }
}
