package org.govflow.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.EscalationBecameDue;
import org.govflow.deadlines.OpenTask;
import org.govflow.deadlines.ReminderBecameDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks, on every node, for open tasks whose reminder or escalation has come, and announces the
 * latest step that applies to each: after downtime a task gets the one reminder that fits today,
 * not every one it missed. Safe to run on several nodes at once because what listeners write is
 * unique by task, step and recipient.
 */
@Component
class DeadlineSweep implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
  private static final int PAGE = 500;

  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<RepositoryService> repository;
  private final BusinessCalendar calendar;
  private final DeadlineSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DeadlineSweep(
      // looked up when first needed: asking for the engine here would start it before Flyway has
      // migrated our tables, and Flyway refuses a schema that Camunda has already filled
      ObjectProvider<TaskService> tasks,
      ObjectProvider<RuntimeService> runtime,
      ObjectProvider<RepositoryService> repository,
      BusinessCalendar calendar,
      DeadlineSettings settings,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.tasks = tasks;
    this.repository = repository;
    this.runtime = runtime;
    this.calendar = calendar;
    this.settings = settings;
    this.events = events;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Announces what fell due; returns how many tasks had a reminder or an escalation. */
  public int sweep() {
    Instant now = clock.instant();
    LocalDate today = calendar.dayOf(now);
    int ahead = settings.reminders().stream().max(Integer::compare).orElse(0);
    // every task due by the end of the last day a reminder could be for
    LocalDate horizon = calendar.addWorkingDays(today, ahead).plusDays(1);
    Date dueBefore =
        Date.from(ZonedDateTime.of(horizon.atStartOfDay(), calendar.zone()).toInstant());
    int announced = 0;
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<Task> page =
          tasks
              .getObject()
              .createTaskQuery()
              .active()
              .dueBefore(dueBefore)
              .orderByDueDate()
              .asc()
              .orderByTaskId()
              .asc()
              .listPage(from, PAGE);
      Integer count = transactions.execute(status -> announce(page, now, today));
      announced += count == null ? 0 : count;
      if (page.size() < PAGE) {
        break;
      }
    }
    return announced;
  }

  private int announce(List<Task> page, Instant now, LocalDate today) {
    int announced = 0;
    Map<String, String> businessKeys = businessKeys(page);
    // tasks done since the page was read (by their assignee, or a timer) have nothing to remind
    // of; read again here, in the sweep's transaction, rather than fail on the first one gone
    Set<String> stillOpen =
        tasks
            .getObject()
            .createTaskQuery()
            .taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
            .list()
            .stream()
            .map(Task::getId)
            .collect(Collectors.toSet());
    for (Task task : page) {
      if (!stillOpen.contains(task.getId())) {
        continue;
      }
      LocalDate dueDay = calendar.dayOf(task.getDueDate().toInstant());
      if (!today.isAfter(dueDay)) {
        Optional<Integer> step = reminderStep(calendar.workingDaysBetween(today, dueDay));
        if (step.isPresent()) {
          events.publishEvent(new ReminderBecameDue(open(task, businessKeys, false), step.get()));
          announced++;
        }
      } else {
        Optional<DeadlineSettings.Escalation> step =
            escalationStep(calendar.workingDaysBetween(dueDay, today));
        if (step.isPresent()) {
          events.publishEvent(
              new EscalationBecameDue(
                  open(task, businessKeys, true), step.get().after(), step.get().to()));
          announced++;
        }
      }
    }
    return announced;
  }

  private Map<String, String> businessKeys(List<Task> page) {
    Set<String> instances =
        page.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> keys = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          runtime.getObject().createProcessInstanceQuery().processInstanceIds(instances).list()) {
        if (instance.getBusinessKey() != null) {
          keys.put(instance.getId(), instance.getBusinessKey());
        }
      }
    }
    return keys;
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

  private OpenTask open(Task task, Map<String, String> businessKeys, boolean escalating) {
    // a task assigned to someone needs its bodies only to find their chairs when it escalates
    List<String> groups =
        task.getAssignee() != null && !escalating
            ? List.of()
            : tasks.getObject().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .sorted()
                .toList();
    return new OpenTask(
        task.getId(),
        task.getName(),
        // from the engine's cache of deployed definitions
        repository.getObject().getProcessDefinition(task.getProcessDefinitionId()).getKey(),
        task.getTaskDefinitionKey(),
        task.getProcessInstanceId(),
        businessKeys.get(task.getProcessInstanceId()),
        task.getAssignee(),
        groups,
        task.getDueDate().toInstant());
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
