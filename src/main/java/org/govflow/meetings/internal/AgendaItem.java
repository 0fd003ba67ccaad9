package org.govflow.meetings.internal;

import java.util.Locale;

/**
 * One item of a meeting's agenda.
 *
 * @param kind from the convocation, a section's or council's proposal, or a process awaiting the
 *     body's decision
 * @param statuteChange whether it amends the statutes (two-thirds majority)
 * @param proposedBy the proposing body, for proposals
 * @param awaitedBusinessKey for recommendations, the business key of the awaiting process
 * @param outcome adopted or rejected once decided
 */
public record AgendaItem(
    long id,
    int position,
    Kind kind,
    String title,
    boolean statuteChange,
    String proposedBy,
    String awaitedBusinessKey,
    String awaitedProcessKey,
    String awaitedProcessInstanceId,
    String documentSha256,
    String outcome,
    Long decisionId) {

  /** Where an item comes from. */
  public enum Kind {
    DRAFT,
    PROPOSAL,
    RECOMMENDATION;

    /** As stored and as the pages name it. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** An item the secretariat wrote, or a body proposed, not yet on the agenda. */
  static AgendaItem written(String title, boolean statuteChange, String proposedBy) {
    return new AgendaItem(
        0,
        0,
        proposedBy == null ? Kind.DRAFT : Kind.PROPOSAL,
        title,
        statuteChange,
        proposedBy,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  boolean recommendation() {
    return kind == Kind.RECOMMENDATION;
  }
}
