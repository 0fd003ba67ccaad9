package org.govflow.meetings.internal;

/** The variables of bpmn/statutory-meeting.bpmn and its forms, in one place. */
public final class MeetingVariables {

  // the launch form
  public static final String BODY = "body";
  public static final String TITLE = "title";
  public static final String START = "start";
  public static final String END = "end";
  public static final String TIME_ZONE = "timeZone";
  public static final String LOCATION = "location";
  public static final String LANGUAGES = "languages";
  public static final String DRAFT_AGENDA = "draftAgenda";
  public static final String INITIATOR = "initiator";

  // set when the meeting is registered, for timers, due dates, rules and multi-instances
  public static final String MEETING_START = "meetingStart";
  public static final String MEETING_END = "meetingEnd";
  public static final String DAYS_UNTIL_START = "daysUntilStart";
  public static final String CALL_DEADLINE = "callDeadline";
  public static final String DOCUMENTS_DEADLINE = "documentsDeadline";
  public static final String ATTENDANCE_DEADLINE = "attendanceDeadline";
  public static final String CONTRIBUTORS = "contributors";
  public static final String MEMBERS = "members";
  public static final String RECONVENING = "reconvening";

  // tasks
  public static final String CONTRIBUTOR = "contributor";
  public static final String MEMBER = "member";
  public static final String AGENDA_PROPOSALS = "agendaProposals";
  public static final String AGENDA = "agenda";
  public static final String RECOMMENDATIONS = "recommendations";
  public static final String ATTENDANCE = "attendance";
  public static final String PROXY_HOLDER = "proxyHolder";
  public static final String PRESENT_MEMBERS = "presentMembers";
  public static final String CIRCULATED_LATE = "circulatedLate";
  public static final String ADJOURNMENT = "adjournment";
  public static final String MINUTES = "minutes";
  public static final String MINUTES_REVIEW_END = "minutesReviewEnd";

  // the quorum rule's inputs and result (meeting-quorum.dmn)
  public static final String PRESENT = "present";
  public static final String REPRESENTED = "represented";
  public static final String MEMBERSHIP = "membership";
  public static final String QUORUM_MET = "quorumMet";
  public static final String QUORUM_REQUIRED = "quorumRequired";

  // one agenda item being decided (meeting-majority.dmn), local to its iteration
  public static final String AGENDA_ITEMS = "agendaItems";
  public static final String AGENDA_ITEM = "agendaItem";
  public static final String ITEM_TITLE = "itemTitle";
  public static final String MAJORITY = "majority";
  public static final String VOTES_FOR = "votesFor";
  public static final String VOTES_AGAINST = "votesAgainst";
  public static final String ABSTENTIONS = "abstentions";
  public static final String OUTCOME = "outcome";

  // the refused urgency waiver: the secretariat replans or cancels
  public static final String REPLAN_DECISION = "replanDecision";
  public static final String REPLAN = "replan";

  public static final String ADJOURN_RECONVENE = "reconvene";
  public static final String ADJOURN_WRITTEN = "written";

  public static final String PROCESS_KEY = "statutory-meeting";
  public static final String MAJORITY_RULE = "meeting-majority";
  public static final String QUORUM_RULE = "meeting-quorum";
  public static final String NOTICE_RULE = "meeting-notice";

  private MeetingVariables() {}
}
