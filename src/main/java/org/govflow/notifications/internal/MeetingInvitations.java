package org.govflow.notifications.internal;

import java.time.ZonedDateTime;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingCancelled;
import org.govflow.meetings.MeetingConvened;
import org.govflow.meetings.MeetingMoved;
import org.govflow.notifications.MeetingInvitation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a meeting's members what the meetings module decided: the convocation, its update when the
 * meeting is revised or moved, its cancellation, each with its calendar invitation. Synchronous, in
 * the meeting's transaction, so the messages are in the outbox (transactional) when it commits.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingInvitations {

  private final MeetingMessages messages;

  @EventListener
  void on(MeetingConvened convened) {
    messages.invite(invitation(convened.meeting(), convened.sequence(), false));
  }

  @EventListener
  void on(MeetingMoved moved) {
    messages.invite(invitation(moved.meeting(), moved.sequence(), false));
  }

  @EventListener
  void on(MeetingCancelled cancelled) {
    if (cancelled.membersConvened()) {
      messages.invite(invitation(cancelled.meeting(), cancelled.sequence(), true));
    }
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
}
