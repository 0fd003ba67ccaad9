package org.govflow.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.meetings.internal.MeetingProcess;
import org.govflow.meetings.internal.MeetingRepository;
import org.govflow.meetings.internal.MeetingVariables;
import org.govflow.notifications.MeetingInvitation;
import org.govflow.notifications.Notifications;
import org.govflow.workflow.AwaitedDecision;
import org.govflow.workflow.AwaitedDecisions;
import org.govflow.workflow.Participant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statutory meetings: convened, rescheduled or cancelled with calendar invitations to every member,
 * their agenda (proposals and recommendations awaiting the body), attendance and proxies, the
 * decision on each item and the minutes. Called by the steps of bpmn/statutory-meeting.bpmn, in
 * their transaction.
 */
@Service
public class MeetingManagement {

  public static final String REGISTERED = "registered";
  public static final String CONVENED = "convened";
  public static final String HELD = "held";
  public static final String ADJOURNED = "adjourned";
  public static final String CANCELLED = "cancelled";

  /** Marks an agenda line as a statute change, decided by two thirds. */
  public static final String STATUTE_MARK = "[statute]";

  private final MeetingRepository meetings;
  private final Directory directory;
  private final Notifications notifications;
  private final DecisionRegister register;
  private final AwaitedDecisions awaited;
  private final Documents documents;
  private final RepositoryService repository;
  private final DecisionService rules;
  private final ApplicationEventPublisher events;
  private final MeetingProcess process;
  private final Clock clock;

  MeetingManagement(
      MeetingRepository meetings,
      Directory directory,
      Notifications notifications,
      DecisionRegister register,
      AwaitedDecisions awaited,
      Documents documents,
      RepositoryService repository,
      DecisionService rules,
      ApplicationEventPublisher events,
      MeetingProcess process,
      Clock clock) {
    this.meetings = meetings;
    this.directory = directory;
    this.notifications = notifications;
    this.register = register;
    this.awaited = awaited;
    this.documents = documents;
    this.repository = repository;
    this.rules = rules;
    this.events = events;
    this.process = process;
    this.clock = clock;
  }

  // ----------------------------------------------------------------------------- convocation

  /**
   * Registers a requested meeting with its draft agenda, or takes its revised or reconvened title,
   * dates and place.
   */
  @Transactional
  public Meeting register(MeetingRequest request) {
    Optional<Meeting> existing = meetings.find(request.businessKey());
    Meeting meeting =
        new Meeting(
            request.businessKey(),
            request.processInstanceId(),
            request.bodyId(),
            request.title(),
            request.start().toInstant(),
            request.end().toInstant(),
            request.start().getZone(),
            request.location(),
            request.languages(),
            existing.map(Meeting::status).orElse(REGISTERED),
            existing.map(Meeting::sequence).orElse(0),
            existing.map(Meeting::agendaCirculatedAt).orElse(null),
            existing.map(Meeting::circulatedLate).orElse(false),
            existing.map(Meeting::minutesDocumentId).orElse(null));
    if (existing.isPresent()) {
      meetings.reschedule(meeting);
      return meeting;
    }
    meetings.insert(meeting, clock.instant());
    for (String line : request.draftAgenda()) {
      addLine(meeting.businessKey(), AgendaItem.DRAFT, line, null);
    }
    return meeting;
  }

  /**
   * Sends the convocation to every member of the body, with a calendar invitation; for a meeting
   * convened before (revised, reconvened), an update of the same calendar event.
   */
  @Transactional
  public Meeting convene(String businessKey) {
    Meeting meeting = require(businessKey);
    boolean first = meeting.status().equals(REGISTERED);
    int sequence = first ? 0 : meeting.sequence() + 1;
    meetings.status(businessKey, CONVENED, sequence);
    notifications.invite(invitation(meeting, sequence, false));
    events.publishEvent(
        new MeetingConvened(businessKey, meeting.bodyId(), sequence, meeting.start()));
    return require(businessKey);
  }

  /**
   * Moves a convened meeting that has not begun to new dates: members receive an update of the
   * calendar event they hold, and the process waits for the new start. The new date must leave the
   * members the notice the body's rule (meeting-notice.dmn) owes them: a shorter notice needs the
   * urgency waiver, which only a new meeting goes through.
   *
   * @throws IllegalStateException when the meeting is not convened or has begun
   * @throws IllegalArgumentException when the dates are not in the future, in order, with notice
   */
  @Transactional
  public Meeting reschedule(String businessKey, ZonedDateTime start, ZonedDateTime end) {
    Meeting meeting = require(businessKey);
    if (!reschedulable(meeting)) {
      throw new IllegalStateException("Only a convened meeting can be rescheduled: " + businessKey);
    }
    if (!end.isAfter(start) || !start.toInstant().isAfter(clock.instant())) {
      throw new IllegalArgumentException("A meeting ends after it starts, in the future");
    }
    int notice = noticeDays(meeting);
    if (Duration.between(clock.instant(), start.toInstant()).toDays() < notice) {
      throw new IllegalArgumentException(
          "The members of " + meeting.bodyId() + " are owed " + notice + " days' notice");
    }
    Meeting moved =
        new Meeting(
            businessKey,
            meeting.processInstanceId(),
            meeting.bodyId(),
            meeting.title(),
            start.toInstant(),
            end.toInstant(),
            start.getZone(),
            meeting.location(),
            meeting.languages(),
            meeting.status(),
            meeting.sequence(),
            meeting.agendaCirculatedAt(),
            meeting.circulatedLate(),
            meeting.minutesDocumentId());
    meetings.reschedule(moved);
    process.reschedule(meeting.processInstanceId(), moved.start(), moved.end());
    return convene(businessKey);
  }

  /** Whether the meeting can still be moved: convened, and not begun. */
  public boolean reschedulable(Meeting meeting) {
    return meeting.status().equals(CONVENED) && meeting.start().isAfter(clock.instant());
  }

  /** Whether the meeting can still be called off: not held, adjourned or cancelled, not begun. */
  public boolean cancellable(Meeting meeting) {
    return (meeting.status().equals(CONVENED) || meeting.status().equals(REGISTERED))
        && meeting.start().isAfter(clock.instant());
  }

  /**
   * The days of notice the meeting's members are owed, from meeting-notice.dmn: the body's notice,
   * or the short notice for a meeting reconvened after it lacked quorum.
   */
  public int noticeDays(Meeting meeting) {
    Object result =
        rules
            .evaluateDecisionTableByKey(
                MeetingVariables.NOTICE_RULE,
                Map.of(
                    MeetingVariables.BODY,
                    meeting.bodyId(),
                    MeetingVariables.RECONVENING,
                    process.reconvening(meeting.processInstanceId())))
            .getSingleResult()
            .getSingleEntry();
    return ((Number) result).intValue();
  }

  /**
   * Calls a meeting off, from outside its process: members already convened receive a cancellation,
   * and the process ends.
   *
   * @throws IllegalStateException when the meeting is held, adjourned, cancelled or has begun
   */
  @Transactional
  public void cancel(String businessKey, String reason) {
    Meeting meeting = require(businessKey);
    if (!cancellable(meeting)) {
      throw new IllegalStateException("The meeting can no longer be called off: " + businessKey);
    }
    cancel(businessKey);
    process.end(meeting.processInstanceId(), reason);
  }

  /** Cancels the meeting; members already convened receive a cancellation for their calendar. */
  @Transactional
  public void cancel(String businessKey) {
    Meeting meeting = require(businessKey);
    if (meeting.status().equals(CANCELLED)) {
      return;
    }
    int sequence = meeting.sequence();
    if (!meeting.status().equals(REGISTERED)) {
      sequence++;
      notifications.invite(invitation(meeting, sequence, true));
    }
    meetings.status(businessKey, CANCELLED, sequence);
    events.publishEvent(new MeetingCancelled(businessKey, meeting.bodyId()));
  }

  /** The meeting lacked quorum and is not reconvened. */
  @Transactional
  public void adjourn(String businessKey) {
    Meeting meeting = require(businessKey);
    meetings.status(businessKey, ADJOURNED, meeting.sequence());
  }

  // ---------------------------------------------------------------------------------- agenda

  /** A section's or council's proposals, one item per line. */
  @Transactional
  public void propose(String businessKey, String bodyId, String proposals) {
    require(businessKey);
    for (String line : lines(proposals)) {
      addLine(businessKey, AgendaItem.PROPOSAL, line, bodyId);
    }
  }

  /**
   * Adds to the agenda, once each, the recommendations and other processes awaiting the decision of
   * the meeting's body.
   *
   * @return how many were added now
   */
  @Transactional
  public int addAwaitedDecisions(String businessKey) {
    Meeting meeting = require(businessKey);
    int added = 0;
    for (AwaitedDecision decision : awaited.awaiting(meeting.bodyId())) {
      if (meetings.addAwaited(
          businessKey,
          decision.subject() == null ? decision.businessKey() : decision.subject(),
          decision.businessKey(),
          decision.processKey(),
          decision.processInstanceId(),
          decision.documentSha256())) {
        added++;
      }
    }
    return added;
  }

  /**
   * The items the secretariat writes, as text: one per line, statute changes marked {@value
   * #STATUTE_MARK}. Recommendations are not in it; they stay on the agenda by themselves.
   */
  public String agendaText(String businessKey) {
    StringBuilder text = new StringBuilder();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (!item.kind().equals(AgendaItem.RECOMMENDATION)) {
        text.append(item.statuteChange() ? STATUTE_MARK + " " : "")
            .append(item.title())
            .append('\n');
      }
    }
    return text.toString().strip();
  }

  /** The recommendations on the agenda, as text, for the secretariat and the Presidency. */
  public String recommendationsText(String businessKey) {
    StringBuilder text = new StringBuilder();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (item.kind().equals(AgendaItem.RECOMMENDATION)) {
        text.append("- ")
            .append(item.awaitedBusinessKey())
            .append(": ")
            .append(item.title())
            .append('\n');
      }
    }
    return text.toString().strip();
  }

  /**
   * The consolidated agenda: the secretariat's items as written (one per line), then every
   * recommendation awaiting the body, including any that arrived since the call closed.
   */
  @Transactional
  public List<AgendaItem> consolidate(String businessKey, String agenda) {
    require(businessKey);
    List<AgendaItem> previous = meetings.agenda(businessKey);
    List<AgendaItem> written = new ArrayList<>();
    for (String line : lines(agenda)) {
      boolean statute = line.startsWith(STATUTE_MARK);
      String title = statute ? line.substring(STATUTE_MARK.length()).strip() : line;
      String proposedBy =
          previous.stream()
              .filter(i -> i.title().equals(title) && i.proposedBy() != null)
              .map(AgendaItem::proposedBy)
              .findFirst()
              .orElse(null);
      written.add(
          new AgendaItem(
              0,
              0,
              proposedBy == null ? AgendaItem.DRAFT : AgendaItem.PROPOSAL,
              title,
              statute,
              proposedBy,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    meetings.replaceWrittenItems(businessKey, written);
    addAwaitedDecisions(businessKey);
    return meetings.agenda(businessKey);
  }

  /**
   * Circulates the approved agenda and documents now; late when after the documents deadline.
   *
   * @return whether it went out late
   */
  @Transactional
  public boolean circulate(String businessKey, Instant documentsDeadline) {
    require(businessKey);
    Instant now = clock.instant();
    boolean late = now.isAfter(documentsDeadline);
    meetings.circulated(businessKey, now, late);
    if (late) {
      events.publishEvent(new AgendaCirculatedLate(businessKey, documentsDeadline, now));
    }
    return late;
  }

  public List<AgendaItem> agenda(String businessKey) {
    return meetings.agenda(businessKey);
  }

  public Optional<AgendaItem> item(long id) {
    return meetings.item(id);
  }

  // ----------------------------------------------------------------------------- attendance

  /** A member's answer to the convocation: attending, absent, or a proxy to another member. */
  @Transactional
  public void answer(String businessKey, String personId, String response, String proxyHolder) {
    require(businessKey);
    meetings.respond(
        businessKey, personId, response, Attendance.PROXY.equals(response) ? proxyHolder : null);
  }

  /** Who was there on the day; the rest of the body was not. */
  @Transactional
  public Count recordAttendance(String businessKey, List<String> present) {
    Meeting meeting = require(businessKey);
    List<String> members = memberIds(meeting.bodyId());
    meetings.present(businessKey, members, present);
    return count(businessKey);
  }

  /**
   * Members present, members represented by a proxy held by someone present, and the membership.
   */
  public Count count(String businessKey) {
    Meeting meeting = require(businessKey);
    List<String> members = memberIds(meeting.bodyId());
    List<Attendance> attendance = meetings.attendance(businessKey);
    Set<String> present =
        Set.copyOf(
            attendance.stream()
                .filter(Attendance::present)
                .map(Attendance::personId)
                .filter(members::contains)
                .toList());
    int represented =
        (int)
            attendance.stream()
                .filter(a -> !a.present() && Attendance.PROXY.equals(a.response()))
                .filter(a -> present.contains(a.proxyHolder()))
                .count();
    return new Count(present.size(), represented, members.size());
  }

  public List<Attendance> attendance(String businessKey) {
    return meetings.attendance(businessKey);
  }

  /** How many proxies a member already holds for the meeting, other than from {@code except}. */
  public int proxiesHeldBy(String businessKey, String holder, String except) {
    return meetings.proxiesHeldBy(businessKey, holder, except);
  }

  /** The ids of the body's members, as the directory lists them. */
  public List<String> memberIds(String bodyId) {
    return directory.membersOf(bodyId).stream().map(Membership::personId).distinct().toList();
  }

  // ------------------------------------------------------------------------------- decisions

  /**
   * The body's decision on one agenda item, in the register; a decision on a recommendation is
   * recorded under that recommendation's process and given to it, in the same transaction.
   *
   * @param quorum the quorum checked at the sitting, or null for a written procedure
   */
  @Transactional
  public Decision decide(
      long itemId,
      String outcome,
      Votes votes,
      Quorum quorum,
      String meetingProcessInstanceId,
      String recordedBy) {
    AgendaItem item =
        meetings
            .item(itemId)
            .orElseThrow(() -> new IllegalArgumentException("No agenda item " + itemId));
    Meeting meeting = require(meetings.meetingOfItem(itemId));
    boolean recommendation = item.kind().equals(AgendaItem.RECOMMENDATION);
    Decision decision =
        register.record(
            new NewDecision(
                meeting.bodyId(),
                recommendation ? item.awaitedProcessKey() : MeetingVariables.PROCESS_KEY,
                recommendation ? item.awaitedProcessInstanceId() : meetingProcessInstanceId,
                recommendation ? item.awaitedBusinessKey() : meeting.businessKey(),
                item.title(),
                outcome,
                votes,
                List.of(),
                quorum,
                rule(MeetingVariables.MAJORITY_RULE),
                item.documentSha256(),
                clock.instant(),
                recordedBy));
    meetings.decided(itemId, outcome, decision.id());
    if (recommendation) {
      awaited.decide(item.awaitedBusinessKey(), outcome, decision.id(), meeting.businessKey());
    }
    return decision;
  }

  // --------------------------------------------------------------------------------- minutes

  /** Stores the draft minutes as a new version of the meeting's minutes document. */
  @Transactional
  public DocumentVersion draftMinutes(String businessKey, String minutes, String by) {
    Meeting meeting = require(businessKey);
    DocumentVersion version =
        documents.upload(
            new Participant(by, Set.of(), true),
            meeting.processInstanceId(),
            meeting.minutesDocumentId(),
            "minutes-" + businessKey + ".md",
            minutes.getBytes(StandardCharsets.UTF_8));
    meetings.minutes(businessKey, version.documentId());
    return version;
  }

  /** The Presidency approved the minutes: they and every decision of the meeting are published. */
  @Transactional
  public List<Long> publishMinutes(String businessKey, String by) {
    Meeting meeting = require(businessKey);
    List<Long> published = new ArrayList<>();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (item.decisionId() != null) {
        register.publish(item.decisionId(), by);
        published.add(item.decisionId());
      }
    }
    meetings.status(businessKey, HELD, meeting.sequence());
    events.publishEvent(new MinutesPublished(businessKey, meeting.bodyId(), published));
    return published;
  }

  // ---------------------------------------------------------------------------------- queries

  public Optional<Meeting> meeting(String businessKey) {
    return meetings.find(businessKey);
  }

  /** Meetings not yet over and not cancelled, soonest first. */
  public List<UpcomingMeeting> upcoming(int limit) {
    return meetings.from(clock.instant(), Math.max(1, Math.min(limit, 500))).stream()
        .map(
            m ->
                new UpcomingMeeting(
                    m.businessKey(), m.bodyId(), m.title(), m.start(), m.end(), m.status()))
        .toList();
  }

  /** Every meeting, latest first. */
  public List<Meeting> list(int limit) {
    return meetings.all(Math.max(1, Math.min(limit, 500)));
  }

  /** The latest deployed version of a rule table, as the register names it. */
  public RuleApplied rule(String decisionKey) {
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult();
    return new RuleApplied(decisionKey, definition == null ? 0 : definition.getVersion());
  }

  private Meeting require(String businessKey) {
    return meetings
        .find(businessKey)
        .orElseThrow(() -> new IllegalArgumentException("No meeting " + businessKey));
  }

  private void addLine(String businessKey, String kind, String line, String bodyId) {
    boolean statute = line.startsWith(STATUTE_MARK);
    String title = statute ? line.substring(STATUTE_MARK.length()).strip() : line;
    if (!title.isEmpty()) {
      meetings.addItem(businessKey, kind, title, statute, bodyId);
    }
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static MeetingInvitation invitation(Meeting meeting, int sequence, boolean cancelled) {
    return new MeetingInvitation(
        "meeting-" + meeting.businessKey() + "@govflow",
        sequence,
        cancelled,
        meeting.bodyId(),
        meeting.title(),
        ZonedDateTime.ofInstant(meeting.start(), meeting.timeZone()),
        ZonedDateTime.ofInstant(meeting.end(), meeting.timeZone()),
        meeting.location());
  }

  /** Who counts towards the quorum. */
  public record Count(int present, int represented, int membership) {}

  /** A meeting as the secretariat requests it, with its draft agenda (one item per line). */
  public record MeetingRequest(
      String businessKey,
      String processInstanceId,
      String bodyId,
      String title,
      ZonedDateTime start,
      ZonedDateTime end,
      String location,
      List<String> languages,
      List<String> draftAgenda) {}
}
