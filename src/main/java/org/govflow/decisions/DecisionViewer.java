package org.govflow.decisions;

import java.util.Set;

/**
 * Who is reading the register: leadership and the secretariat see every decision; members see their
 * bodies' decisions and the published ones.
 */
public record DecisionViewer(Set<String> bodies, boolean seesEverything) {

  public boolean maySee(Decision decision) {
    return seesEverything || decision.published() || bodies.contains(decision.content().bodyId());
  }
}
