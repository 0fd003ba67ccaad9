package org.govflow.notifications.internal;

/**
 * A message ready to be stored: rendered in the recipient's language and time zone.
 *
 * @param dedupeKey what makes it unique: task, kind (and step) and recipient
 * @param calendar an iCalendar document sent along, or null
 * @param calendarMethod its METHOD (REQUEST, CANCEL)
 */
record OutboxMessage(
    String dedupeKey,
    String kind,
    String recipientId,
    String email,
    String taskId,
    String link,
    String subject,
    String text,
    String html,
    String calendar,
    String calendarMethod) {}
