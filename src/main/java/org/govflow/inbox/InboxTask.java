package org.govflow.inbox;

import java.time.Instant;

/**
 * A task as the inbox lists it.
 *
 * @param body the candidate body's id, or null for a task routed to a person
 * @param bodyName its name in the reader's language
 * @param subject what the task is about: the title of its process (recommendation, meeting,
 *     document), or null
 * @param assigneeName the assignee's name, or null for nobody
 */
public record InboxTask(
    String id,
    String name,
    String processKey,
    String processName,
    String processInstanceId,
    String businessKey,
    String body,
    String bodyName,
    String assignee,
    Instant created,
    Instant due,
    boolean overdue,
    String subject,
    String assigneeName) {}
