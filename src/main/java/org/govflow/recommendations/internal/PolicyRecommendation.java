package org.govflow.recommendations.internal;

/**
 * The names of policy-recommendation in one place: the process, its rule tables, the bodies it
 * routes to, the steps the module looks for, and its process variables.
 */
final class PolicyRecommendation {

  static final String PROCESS = "policy-recommendation";

  /** The DMN decision that gives the council vote's result (with quorum and majority). */
  static final String VOTE_RULE = "recommendation-vote";

  /** The DMN decision that says whether quorum is met. */
  static final String QUORUM_RULE = "recommendation-quorum";

  /** The body that consolidates, disposes of comments and decides after a failed vote. */
  static final String SECRETARIAT = "secretariat";

  static final String PRESIDENCY = "presidency";
  static final String WORLD_COUNCIL = "world-council";

  /** Who records what the process does alone, by a timer or a message. */
  static final String SYSTEM = "system";

  /** The step at which the secretariat gives dispositions. */
  static final String CONSOLIDATE = "Consolidate";

  // from the start form
  static final String COUNCIL = "council";
  static final String TITLE = "title";
  static final String SUMMARY = "summary";

  /** The text being written; dropped once VersionStored has stored it as a version. */
  static final String DOCUMENT = "document";

  static final String SECTIONS = "sections";
  static final String CONSULTATION_DAYS = "consultationDays";
  static final String INITIATOR = "initiator";

  // the current document version
  static final String DOCUMENT_ID = "documentId";
  static final String DOCUMENT_VERSION = "documentVersion";
  static final String DOCUMENT_SHA256 = "documentSha256";

  // co-chair review (review and reviewComment are local to each co-chair's task)
  static final String REVIEW = "review";
  static final String REVIEW_COMMENT = "reviewComment";
  static final String CHANGES_REQUESTED = "changesRequested";

  // consultation (response and comments are local to each Section's task)
  static final String SECTION = "section";
  static final String RESPONSE = "response";
  static final String COMMENTS = "comments";
  static final String CONSULTATION_ROUND = "consultationRound";
  static final String CONSULTATION_ENDS = "consultationEnds";

  // council vote (vote and statement are local to each member's task)
  static final String VOTE = "vote";
  static final String STATEMENT = "statement";
  static final String VOTE_ROUND = "voteRound";
  static final String VOTE_ENDS = "voteEnds";
  static final String COUNCIL_SIZE = "councilSize";
  static final String IN_FAVOUR = "inFavour";
  static final String AGAINST = "against";
  static final String ABSTENTIONS = "abstentions";
  static final String VOTE_OUTCOME = "voteOutcome";

  // after the vote
  static final String NEXT_STEP = "nextStep";
  static final String NEXT_STEP_REASON = "nextStepReason";
  static final String ENDORSEMENT = "endorsement";
  static final String PRESIDENCY_COMMENT = "presidencyComment";
  static final String WORLD_COUNCIL_ESCALATION = "worldCouncilEscalation";

  private PolicyRecommendation() {}
}
