package org.govflow.partnerships.internal;

/** The names of mou-renewal in one place: the process, its rule table and its variables. */
final class MouRenewal {

  static final String PROCESS = "mou-renewal";
  static final String SYSTEM = "system";
  static final String SECRETARIAT = "secretariat";
  static final String LEGAL = "secretariat-legal";
  static final String PRESIDENCY = "presidency";

  // set at the start
  static final String MOU_ID = "mouId";
  static final String TERM_NO = "termNo";
  static final String TITLE = "title";
  static final String PARTNER = "partner";
  static final String PARTNER_NAME = "partnerName";
  static final String FOCAL_POINT = "focalPoint";
  static final String SECRETARY_GENERAL = "secretaryGeneral";
  static final String RENEWAL_KIND = "renewalKind";
  static final String RENEWAL_YEAR = "renewalYear";
  static final String TERM_END = "termEnd";
  static final String NOTICE_DATE = "noticeDate";
  static final String NOTICE_AT = "noticeAt";
  static final String EXPIRY_AT = "expiryAt";
  static final String NEW_TERM_END = "newTermEnd";
  static final String MAX_ROUNDS = "maxRounds";

  // the steps
  static final String ASSESSMENT = "assessment";
  static final String RECOMMENDATION = "recommendation";
  static final String ASSESSMENT_LINKS = AssessmentLinks.FIELD;
  static final String LINKED_ACTIONS = "linkedActions";
  static final String LINKED_MEETINGS = "linkedMeetings";
  static final String LINKED_DECISIONS = "linkedDecisions";
  static final String DECISION = "decision";
  static final String DECISION_COMMENT = "decisionComment";
  static final String ESCALATION = "escalation";
  static final String RENEWAL_TEXT = "renewalText";
  static final String DOCUMENT_ID = "documentId";
  static final String DOCUMENT_VERSION = "documentVersion";
  static final String DOCUMENT_SHA256 = "documentSha256";
  static final String LEGAL_OPINION = "legalOpinion";
  static final String LEGAL_COMMENT = "legalComment";
  static final String PARTNER_ANSWER = "partnerAnswer";
  static final String COUNTER_PROPOSAL = "counterProposal";
  static final String NEGOTIATION_ROUND = "negotiationRound";
  static final String NEXT_ROUND = "nextRound";
  static final String APPROVAL = "approval";
  static final String APPROVAL_COMMENT = "approvalComment";
  static final String SIGNED_DOCUMENT_ID = "signedDocumentId";
  static final String RENEWAL_SIGNED = "renewalSigned";

  private MouRenewal() {}
}
