package org.govflow.notifications;

import java.util.List;
import org.govflow.notifications.internal.Outbox;
import org.springframework.stereotype.Service;

/** What has been said to whom: each person's notifications, and what could not be delivered. */
@Service
public class Notifications {

  private final Outbox outbox;

  Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /** A person's notifications, newest first. */
  public List<Notification> of(String personId, int limit) {
    return outbox.ofRecipient(personId, limit);
  }

  /** Messages given up on after the last attempt, newest first, for the admins. */
  public List<Notification> failed(int limit) {
    return outbox.failed(limit);
  }
}
