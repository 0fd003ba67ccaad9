package org.govflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business calendar and the deadline policy, from {@code govflow.deadlines.*}.
 *
 * @param timeZone the secretariat's time zone: working days and due times are counted there
 * @param workingDays the days of the week the secretariat works
 * @param holidays days off on top of the weekend (statutory and office holidays)
 * @param dueTime the time of day, in {@link #timeZone}, at which a task computed in days is due
 * @param defaultDeadline the deadline of a user task that no rule names
 * @param rules deadlines per process and task; the first rule that matches wins
 * @param reminders working days before the due day on which whoever must act is reminded (0: on the
 *     due day itself)
 * @param escalations who is told, and when, once a task is late
 * @param sweepInterval how often each node looks for reminders and escalations that fell due
 */
@ConfigurationProperties("govflow.deadlines")
public record DeadlineSettings(
    @DefaultValue("Europe/Madrid") ZoneId timeZone,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
        Set<DayOfWeek> workingDays,
    @DefaultValue({}) List<LocalDate> holidays,
    @DefaultValue("18:00") LocalTime dueTime,
    @DefaultValue Deadline defaultDeadline,
    @DefaultValue({}) List<Rule> rules,
    @DefaultValue({"3", "0"}) List<Integer> reminders,
    @DefaultValue({}) List<Escalation> escalations,
    @DefaultValue("15m") java.time.Duration sweepInterval) {

  /** Who hears of a late task, and when. */
  public static final String BODY_CHAIRS = "body-chairs";

  /**
   * An escalation step.
   *
   * @param after working days after the due day
   * @param to {@value #BODY_CHAIRS} (the chair and co-chairs of the bodies the task is routed to)
   *     or body ids (every member of that body, e.g. {@code secretariat}, {@code presidency})
   */
  public record Escalation(int after, List<String> to) {}

  /** How days are counted. */
  public enum Days {
    /** only working days count: weekends and holidays are skipped */
    BUSINESS,
    /** every day counts */
    CALENDAR
  }

  /**
   * A length of time to act.
   *
   * @param duration ISO-8601 period, e.g. {@code P5D} or {@code P2W}
   * @param days whether the days are working days or calendar days
   */
  public record Deadline(
      @DefaultValue("P5D") Period duration, @DefaultValue("BUSINESS") Days days) {}

  /**
   * The deadline of the tasks of one process (all of them, or one task when {@code task} is set).
   *
   * @param process the process definition key, e.g. {@code document-approval}
   * @param task the task definition key (the user task's id in the BPMN), or empty for every task
   */
  public record Rule(
      String process, String task, Period duration, @DefaultValue("BUSINESS") Days days) {

    boolean matches(String processKey, String taskKey) {
      return process.equals(processKey) && (task == null || task.isBlank() || task.equals(taskKey));
    }

    Deadline deadline() {
      return new Deadline(duration, days);
    }
  }

  /** The deadline for a task of a process: the first matching rule, else the default. */
  public Deadline deadlineFor(String processKey, String taskKey) {
    return rules.stream()
        .filter(r -> r.matches(processKey, taskKey))
        .findFirst()
        .map(Rule::deadline)
        .orElse(defaultDeadline);
  }
}
