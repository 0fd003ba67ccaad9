package org.govflow.recommendations.internal;

/** The process variables of policy-recommendation, named in one place. */
public final class Variables {

  // from the start form
  public static final String COUNCIL = "council";
  public static final String TITLE = "title";
  public static final String SUMMARY = "summary";
  public static final String DOCUMENT = "document";
  public static final String SECTIONS = "sections";
  public static final String CONSULTATION_DAYS = "consultationDays";
  public static final String INITIATOR = "initiator";

  // the current document version
  public static final String DOCUMENT_ID = "documentId";
  public static final String DOCUMENT_VERSION = "documentVersion";
  public static final String DOCUMENT_SHA256 = "documentSha256";

  // co-chair review (review and reviewComment are local to each co-chair's task)
  public static final String REVIEW = "review";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String CHANGES_REQUESTED = "changesRequested";

  // consultation (response and comments are local to each Section's task)
  public static final String SECTION = "section";
  public static final String RESPONSE = "response";
  public static final String COMMENTS = "comments";
  public static final String CONSULTATION_ROUND = "consultationRound";
  public static final String CONSULTATION_ENDS = "consultationEnds";

  // council vote (vote and statement are local to each member's task)
  public static final String VOTE = "vote";
  public static final String STATEMENT = "statement";
  public static final String VOTE_ROUND = "voteRound";
  public static final String VOTE_ENDS = "voteEnds";
  public static final String COUNCIL_SIZE = "councilSize";
  public static final String IN_FAVOUR = "inFavour";
  public static final String AGAINST = "against";
  public static final String ABSTENTIONS = "abstentions";
  public static final String VOTE_OUTCOME = "voteOutcome";

  // after the vote
  public static final String NEXT_STEP = "nextStep";
  public static final String NEXT_STEP_REASON = "nextStepReason";
  public static final String ENDORSEMENT = "endorsement";
  public static final String PRESIDENCY_COMMENT = "presidencyComment";
  public static final String WORLD_COUNCIL_ESCALATION = "worldCouncilEscalation";

  private Variables() {}
}
