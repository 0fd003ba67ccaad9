package org.govflow.deadlines;

import java.time.Instant;
import org.govflow.workflow.DueTask;

/**
 * A user task was created and given its due date, in the engine's transaction.
 *
 * @param task the task, with the bodies it is routed to when it has no assignee
 */
public record TaskCreated(DueTask task, Instant created) {}
