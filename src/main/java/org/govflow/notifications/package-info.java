/**
 * Messages to people: a durable outbox written with the state change that caused it, sent by mail
 * with retries, exactly once per task, kind and recipient; in each reader's language and time zone;
 * and each person's in-app list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.govflow.notifications;
