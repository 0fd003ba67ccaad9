package org.govflow.inbox;

import java.time.Instant;

/**
 * A task as the inbox lists it.
 *
 * @param body the candidate body's id, or null for a task routed to a person
 * @param bodyName its name in the reader's language
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
    boolean overdue) {}
