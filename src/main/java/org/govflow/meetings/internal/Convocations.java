package org.govflow.meetings.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingCancelled;
import org.govflow.meetings.MeetingConvened;
import org.govflow.meetings.MeetingMoved;
import org.govflow.meetings.MeetingStatus;
import org.govflow.workflow.RuleTables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's convocation: registered with its draft agenda, convened, moved or called off under
 * the notice rule (meeting-notice.dmn), adjourned for lack of quorum. Its members hear of each
 * change through the events it publishes (MeetingConvened, MeetingMoved, MeetingCancelled).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Convocations {

  private final MeetingRepository meetings;
  private final MeetingProcess process;
  private final RuleTables rules;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /**
   * Registers a requested meeting with its draft agenda, or takes its revised or reconvened title,
   * dates and place.
   */
  @Transactional
  Meeting register(MeetingRequest request) {
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
            existing.map(Meeting::status).orElse(MeetingStatus.REGISTERED),
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
      AgendaLines.parse(line, null)
          .ifPresent(item -> meetings.addItem(meeting.businessKey(), item));
    }
    return meeting;
  }

  /**
   * Convenes every member of the body, with a calendar invitation; for a meeting convened before
   * (revised, reconvened), an update of the same calendar event.
   */
  @Transactional
  Meeting convene(String businessKey) {
    Meeting convened = raiseSequence(businessKey);
    events.publishEvent(new MeetingConvened(convened, convened.sequence()));
    return convened;
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
  Meeting reschedule(String businessKey, ZonedDateTime start, ZonedDateTime end) {
    Meeting meeting = meetings.require(businessKey);
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
    Meeting moved = meeting.movedTo(start, end);
    meetings.reschedule(moved);
    process.reschedule(meeting.processInstanceId(), moved.start(), moved.end());
    Meeting updated = raiseSequence(businessKey);
    events.publishEvent(new MeetingMoved(updated, updated.sequence()));
    return updated;
  }

  /** Whether the meeting can still be moved: convened, and not begun. */
  boolean reschedulable(Meeting meeting) {
    return meeting.status() == MeetingStatus.CONVENED && notBegun(meeting);
  }

  /** Whether the meeting can still be called off: not held, adjourned or cancelled, not begun. */
  boolean cancellable(Meeting meeting) {
    return meeting.status().ahead() && notBegun(meeting);
  }

  boolean notBegun(Meeting meeting) {
    return meeting.start().isAfter(clock.instant());
  }

  /**
   * The days of notice the meeting's members are owed, from meeting-notice.dmn: the body's notice,
   * or the short notice for a meeting reconvened after it lacked quorum.
   */
  int noticeDays(Meeting meeting) {
    Object days =
        rules.single(
            MeetingVariables.NOTICE_RULE,
            Map.of(
                MeetingVariables.BODY,
                meeting.bodyId(),
                MeetingVariables.RECONVENING,
                process.reconvening(meeting.processInstanceId())));
    return ((Number) days).intValue();
  }

  /**
   * Calls a meeting off, from outside its process: members already convened receive a cancellation,
   * and the process ends.
   *
   * @throws IllegalStateException when the meeting is held, adjourned, cancelled or has begun
   */
  @Transactional
  void callOff(String businessKey, String reason) {
    Meeting meeting = meetings.require(businessKey);
    if (!cancellable(meeting)) {
      throw new IllegalStateException("The meeting can no longer be called off: " + businessKey);
    }
    cancel(businessKey);
    process.end(meeting.processInstanceId(), reason);
  }

  /** Cancels the meeting; members already convened receive a cancellation for their calendar. */
  @Transactional
  void cancel(String businessKey) {
    Meeting meeting = meetings.require(businessKey);
    if (meeting.status() == MeetingStatus.CANCELLED) {
      return;
    }
    boolean convened = meeting.status() != MeetingStatus.REGISTERED;
    int sequence = convened ? meeting.sequence() + 1 : meeting.sequence();
    meetings.status(businessKey, MeetingStatus.CANCELLED, sequence);
    events.publishEvent(new MeetingCancelled(meeting, sequence, convened));
  }

  /** The meeting lacked quorum and is not reconvened. */
  @Transactional
  void adjourn(String businessKey) {
    Meeting meeting = meetings.require(businessKey);
    meetings.status(businessKey, MeetingStatus.ADJOURNED, meeting.sequence());
  }

  /** Convened now: the first time at sequence 0, then one more for each change. */
  private Meeting raiseSequence(String businessKey) {
    Meeting meeting = meetings.require(businessKey);
    boolean first = meeting.status() == MeetingStatus.REGISTERED;
    meetings.status(businessKey, MeetingStatus.CONVENED, first ? 0 : meeting.sequence() + 1);
    return meetings.require(businessKey);
  }

  /** A meeting as the secretariat requests it, with its draft agenda (one item per line). */
  record MeetingRequest(
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
