package org.govflow.declaration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the installation decides about declarations.
 *
 * @param hostCity the body of the host city, which validates the final text with the Presidency
 * @param generalAssemblyEscalation how long a declaration may wait for a General Assembly meeting
 *     before the secretariat is asked to follow it up
 * @param draftMaxSize the largest zero draft file accepted at the launch (.md, .txt, .docx)
 */
@ConfigurationProperties("govflow.declaration")
record DeclarationSettings(
    @DefaultValue("host-city-daejeon") String hostCity,
    @DefaultValue("P90D") Duration generalAssemblyEscalation,
    @DefaultValue("2MB") DataSize draftMaxSize) {

  DeclarationSettings {
    if (generalAssemblyEscalation.isNegative() || generalAssemblyEscalation.isZero()) {
      throw new IllegalArgumentException(
          "govflow.declaration.general-assembly-escalation must be positive");
    }
  }
}
