package org.govflow.deadlines;

import org.govflow.workflow.DueTask;

/**
 * The moment to remind whoever must act on a task has come. Published inside the sweep's
 * transaction; a node may publish it again (after downtime, or on two nodes at once), so listeners
 * keep what they write unique by task and {@code workingDaysLeft}.
 *
 * @param workingDaysLeft the reminder step: working days before the due day, 0 on the day
 */
public record ReminderBecameDue(DueTask task, int workingDaysLeft) {}
