package org.govflow.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.EscalationBecameDue;
import org.govflow.deadlines.ReminderBecameDue;
import org.govflow.workflow.DueTask;
import org.govflow.workflow.DueTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks, on every node, for open tasks whose reminder or escalation has come, and announces the
 * latest step that applies to each: after downtime a task gets the one reminder that fits today,
 * not every one it missed. Safe to run on several nodes at once because what listeners write is
 * unique by task, step and recipient.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeadlineSweep implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
  private static final int PAGE = 500;

  private final DueTasks tasks;
  private final BusinessCalendar calendar;
  private final DeadlineSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  /** Announces what fell due; returns how many tasks had a reminder or an escalation. */
  public int sweep() {
    Instant now = clock.instant();
    LocalDate today = calendar.dayOf(now);
    int ahead = settings.reminders().stream().max(Integer::compare).orElse(0);
    // every task due by the end of the last day a reminder could be for
    LocalDate horizon = calendar.addWorkingDays(today, ahead).plusDays(1);
    Instant dueBefore = ZonedDateTime.of(horizon.atStartOfDay(), calendar.zone()).toInstant();
    int announced = 0;
    for (int first = 0; ; first += PAGE) {
      List<DueTask> page = tasks.dueBefore(dueBefore, first, PAGE);
      Integer count = transactions.execute(status -> announce(page, today));
      announced += count == null ? 0 : count;
      if (page.size() < PAGE) {
        break;
      }
    }
    return announced;
  }

  private int announce(List<DueTask> page, LocalDate today) {
    int announced = 0;
    // tasks done since the page was read (by their assignee, or a timer) have nothing to remind
    // of; read again here, in the sweep's transaction, rather than fail on the first one gone
    Set<String> stillOpen = tasks.stillOpen(page.stream().map(DueTask::taskId).toList());
    for (DueTask task : page) {
      if (!stillOpen.contains(task.taskId())) {
        continue;
      }
      LocalDate dueDay = calendar.dayOf(task.due());
      if (!today.isAfter(dueDay)) {
        Optional<Integer> step = reminderStep(calendar.workingDaysBetween(today, dueDay));
        if (step.isPresent()) {
          events.publishEvent(new ReminderBecameDue(routed(task, false), step.get()));
          announced++;
        }
      } else {
        Optional<DeadlineSettings.Escalation> step =
            escalationStep(calendar.workingDaysBetween(dueDay, today));
        if (step.isPresent()) {
          events.publishEvent(
              new EscalationBecameDue(routed(task, true), step.get().after(), step.get().to()));
          announced++;
        }
      }
    }
    return announced;
  }

  /** The latest reminder whose day has come: the fewest days before, among those reached. */
  Optional<Integer> reminderStep(int workingDaysLeft) {
    return settings.reminders().stream()
        .filter(before -> before >= workingDaysLeft)
        .min(Integer::compare);
  }

  /** The furthest escalation reached. */
  Optional<DeadlineSettings.Escalation> escalationStep(int workingDaysLate) {
    return settings.escalations().stream()
        .filter(e -> e.after() <= workingDaysLate)
        .max(Comparator.comparingInt(DeadlineSettings.Escalation::after));
  }

  private DueTask routed(DueTask task, boolean escalating) {
    // a task assigned to someone needs its bodies only to find their chairs when it escalates
    return task.assignee() != null && !escalating
        ? task
        : task.withCandidateGroups(tasks.candidateGroups(task.taskId()));
  }

  /** Runs on Spring's task scheduler, on every node, at the configured interval. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> {
              try {
                int announced = sweep();
                if (announced > 0) {
                  log.info("Deadline sweep: {} reminder(s) or escalation(s) announced", announced);
                }
              } catch (RuntimeException e) {
                log.warn(
                    "Deadline sweep failed, trying again in {}: {}",
                    settings.sweepInterval(),
                    e.toString());
              }
            },
            settings.sweepInterval(),
            settings.sweepInterval()));
  }
}
