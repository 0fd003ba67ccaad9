package org.govflow.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Role;
import org.govflow.support.EventPublications;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.MovesTheClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders and escalations, from the sweep to the outbox rows, under a controlled clock, across a
 * weekend and the 8 December holiday: a review started on Thursday 3 December 2026 is due three
 * working days later, on Wednesday 9 at 18:00 in Madrid.
 */
@MailIntegrationTest
@MovesTheClock
class ReminderAndEscalationTests {

  private static final String COUNCIL = "council-right-to-city";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Directory directory;
  @Autowired DeadlineSweep sweep;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void remindersComeThreeWorkingDaysBeforeAndOnTheDayThenEscalationsWhenLate() {
    at("2026-12-03T09:00:00Z"); // Thursday, 10:00 in Madrid
    Task task = startReview();
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-09T17:00:00Z"));
    Set<String> council = members(COUNCIL);

    sweepAt("2026-12-03T09:05:00Z"); // three working days left: Fri 4, Mon 7, Wed 9
    assertThat(recipients(task, "REMINDER-3")).isEqualTo(council);
    // the registry recorded the announcement with the sweep, and its listener's completion
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_publication where event_type like ?"
                    + " and completion_date is not null",
                Integer.class,
                "%ReminderBecameDue"))
        .isPositive();
    // the task named in each reader's language, as the inbox names it
    assertThat(subject(task, "REMINDER-3", "ana.belmonte")).contains("Revisar el documento");
    assertThat(subject(task, "REMINDER-3", "thandiwe.nkosi")).contains("Review the document");
    int afterFirstReminder = rows(task);

    sweepAt("2026-12-04T09:00:00Z"); // Friday
    sweepAt("2026-12-05T09:00:00Z"); // Saturday
    sweepAt("2026-12-08T09:00:00Z"); // Tuesday, a holiday: one working day left
    sweepAt("2026-12-08T09:00:00Z"); // the same sweep again, as a second node would
    assertThat(rows(task)).isEqualTo(afterFirstReminder);

    sweepAt("2026-12-09T07:00:00Z"); // Wednesday, the due day
    assertThat(recipients(task, "REMINDER-0")).isEqualTo(council);

    sweepAt("2026-12-09T18:00:00Z"); // late in the evening: still the due day, nothing new
    sweepAt("2026-12-10T09:00:00Z"); // Thursday: one working day late, not yet escalated
    assertThat(steps(task)).containsExactlyInAnyOrder("TASK", "REMINDER-3", "REMINDER-0");

    sweepAt("2026-12-11T09:00:00Z"); // Friday: two working days late
    Set<String> chairsAndSecretariat = chairs(COUNCIL);
    chairsAndSecretariat.addAll(members("secretariat"));
    assertThat(recipients(task, "ESCALATION-2")).isEqualTo(chairsAndSecretariat);

    sweepAt("2026-12-17T09:00:00Z"); // Thursday 17: six working days late
    assertThat(steps(task)).doesNotContain("ESCALATION-7");
    sweepAt("2026-12-18T09:00:00Z"); // Friday 18: seven
    assertThat(recipients(task, "ESCALATION-7")).isEqualTo(members("presidency"));
  }

  @Test
  void afterDowntimeOnlyTheLatestStepIsSent() {
    at("2026-12-03T09:00:00Z");
    Task task = startReview();

    // no sweep ran until the matter was seven working days late
    sweepAt("2026-12-18T09:00:00Z");

    assertThat(steps(task)).containsExactlyInAnyOrder("TASK", "ESCALATION-7");
  }

  @Test
  void aCompletedTaskIsNeitherRemindedNorEscalated() {
    at("2026-12-03T09:00:00Z");
    Task task = startReview();
    tasks.complete(task.getId(), Map.of("decision", "approve"));

    sweepAt("2026-12-09T07:00:00Z");
    sweepAt("2026-12-18T09:00:00Z");

    assertThat(steps(task)).containsExactly("TASK");
  }

  // -- helpers

  private void sweepAt(String instant) {
    at(instant);
    sweep.sweep();
    EventPublications.awaitHandled(jdbc);
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private Task startReview() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", COUNCIL);
    variables.put("respondBy", null);
    String instance =
        runtime
            .startProcessInstanceByKey("document-approval", "DA-" + System.nanoTime(), variables)
            .getId();
    // its message to act on is written once the start has committed
    EventPublications.awaitHandled(jdbc);
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private Set<String> members(String body) {
    return directory.membersOf(body).stream()
        .map(Membership::personId)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private Set<String> chairs(String body) {
    return directory.membersOf(body).stream()
        .filter(m -> m.role() == Role.CHAIR || m.role() == Role.CO_CHAIR)
        .map(Membership::personId)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private String subject(Task task, String step, String personId) {
    return jdbc.queryForObject(
        "select subject from notification where dedupe_key = ?",
        String.class,
        task.getId() + ":" + step + ":" + personId);
  }

  private Set<String> recipients(Task task, String step) {
    return jdbc
        .queryForList(
            "select recipient_id from notification where dedupe_key like ?",
            String.class,
            task.getId() + ":" + step + ":%")
        .stream()
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private List<String> steps(Task task) {
    // dedupe keys read task:step:recipient
    return jdbc
        .queryForList(
            "select dedupe_key from notification where task_id = ?", String.class, task.getId())
        .stream()
        .map(key -> key.split(":")[1])
        .distinct()
        .toList();
  }

  private int rows(Task task) {
    return jdbc.queryForObject(
        "select count(*) from notification where task_id = ?", Integer.class, task.getId());
  }
}
