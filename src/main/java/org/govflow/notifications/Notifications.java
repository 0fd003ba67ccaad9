package org.govflow.notifications;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.notifications.internal.MeetingMessages;
import org.govflow.notifications.internal.Outbox;
import org.springframework.stereotype.Service;

/** What has been said to whom: each person's notifications, and what could not be delivered. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Notifications {

  private final Outbox outbox;
  private final MeetingMessages meetings;

  /**
   * Sends a meeting's convocation, change or cancellation, with an iCalendar invitation, to every
   * member of its body; in the caller's transaction, once per meeting, sequence and member.
   *
   * @return how many messages were written (0 when this sequence was sent already)
   */
  public int invite(MeetingInvitation meeting) {
    return meetings.invite(meeting);
  }

  /** How a person receives messages about tasks. */
  public Delivery delivery(String personId) {
    return outbox.delivery(personId);
  }

  /** Changes how a person receives messages about tasks, from the next message on. */
  public void deliver(String personId, Delivery delivery) {
    outbox.deliver(personId, delivery);
  }

  /** A person's notifications, newest first. */
  public List<Notification> of(String personId, int limit) {
    return outbox.ofRecipient(personId, limit);
  }

  /** A page of a person's notifications, newest first. */
  public List<Notification> of(String personId, int offset, int limit) {
    return outbox.ofRecipient(personId, offset, limit);
  }

  /** How many of a person's notifications they have not read. */
  public long unread(String personId) {
    return outbox.unread(personId);
  }

  /**
   * Marks one of the person's notifications read.
   *
   * @return its link, or null when it has none or is not theirs
   */
  public String read(String personId, String notificationId) {
    return outbox.markRead(personId, notificationId);
  }

  /** Marks all of a person's notifications read. */
  public int readAll(String personId) {
    return outbox.markAllRead(personId);
  }

  /** Messages given up on after the last attempt, newest first, for the admins. */
  public List<Notification> failed(int limit) {
    return outbox.failed(limit);
  }
}
