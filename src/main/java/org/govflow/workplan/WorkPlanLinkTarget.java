package org.govflow.workplan;

import java.util.List;

/**
 * The extension point for what a work plan action may link to. A module whose records serve the
 * work plan (declarations, partnerships' MoUs...) declares a bean of this type: links of its {@link
 * #kind()} are then checked against its records, and it may suggest links for an action. Until a
 * module declares one, links of the kinds {@code declaration} and {@code mou} are stored by
 * business key, checked only for their form.
 */
public interface WorkPlanLinkTarget {

  /** The link kind this target answers for: {@code declaration}, {@code mou}... */
  String kind();

  /** Whether a record of this kind has this reference (its business key). */
  boolean exists(String reference);

  /**
   * References this target suggests for an action, from its text (emphasis markers removed) and the
   * partner its heading names (or null); a person confirms them.
   */
  default List<String> suggest(String text, String partner) {
    return List.of();
  }
}
