package org.govflow.meetings;

/**
 * One item of a meeting's agenda.
 *
 * @param kind draft (from the convocation), proposal (from a section or council) or recommendation
 *     (a process awaiting the body's decision)
 * @param statuteChange whether it amends the statutes (two-thirds majority)
 * @param proposedBy the proposing body, for proposals
 * @param awaitedBusinessKey for recommendations, the business key of the awaiting process
 * @param outcome adopted or rejected once decided
 */
public record AgendaItem(
    long id,
    int position,
    String kind,
    String title,
    boolean statuteChange,
    String proposedBy,
    String awaitedBusinessKey,
    String awaitedProcessKey,
    String awaitedProcessInstanceId,
    String documentSha256,
    String outcome,
    Long decisionId) {

  public static final String DRAFT = "draft";
  public static final String PROPOSAL = "proposal";
  public static final String RECOMMENDATION = "recommendation";
}
