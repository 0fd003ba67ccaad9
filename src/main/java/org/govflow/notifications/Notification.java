package org.govflow.notifications;

import java.time.Instant;

/**
 * One message to one person, as their in-app list and the admins see it.
 *
 * @param status {@code PENDING} (to be sent), {@code SENT}, or {@code FAILED} after the last
 *     attempt
 * @param readAt when the recipient read it in the app, or null while unread
 */
public record Notification(
    String id,
    String kind,
    String recipientId,
    String email,
    String subject,
    String taskId,
    String link,
    Instant created,
    String status,
    int attempts,
    String lastError,
    Instant sent,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
