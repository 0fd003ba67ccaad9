package org.govflow.deadlines;

import java.util.List;
import org.govflow.workflow.DueTask;

/**
 * A task is late enough to be escalated. Like {@link ReminderBecameDue}, it may be published more
 * than once; listeners keep what they write unique by task and {@code workingDaysLate}.
 *
 * @param workingDaysLate the escalation step: working days after the due day
 * @param to who hears of it: {@link DeadlineSettings#BODY_CHAIRS} or body ids
 */
public record EscalationBecameDue(DueTask task, int workingDaysLate, List<String> to) {}
