package org.govflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.MovesTheClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user task gets a due date from the policy, unless its model sets one. */
@MailIntegrationTest
@MovesTheClock
class DueDateTests {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTaskWithoutADueDateInItsModelIsDueByThePolicyAcrossTheWeekendAndTheHoliday() {
    // Friday 4 December 2026, 10:00 in Madrid
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T09:00:00Z")));

    Task task = reviewTask(start(null));

    // three working days: Monday 7, (Tuesday 8 is a holiday), Wednesday 9, Thursday 10 at 18:00
    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
  }

  @Test
  void aDueDateTheProcessSetsItselfTakesPrecedence() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T09:00:00Z")));
    Date respondBy = Date.from(Instant.parse("2026-12-21T12:00:00Z"));

    Task task = reviewTask(start(respondBy));

    assertThat(task.getDueDate()).isEqualTo(respondBy);
  }

  @Test
  void aDayPickedInAFormIsDueAtThatDaysCloseOfBusinessInMadrid() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T09:00:00Z")));

    // the start form stores a date as Camunda Tasklist does: "2026-12-21"
    Task task = reviewTask(start("2026-12-21"));

    assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-21T17:00:00Z"));
  }

  private String start(Object respondBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", "presidency");
    variables.put("respondBy", respondBy);
    return runtime
        .startProcessInstanceByKey("document-approval", "DA-" + System.nanoTime(), variables)
        .getId();
  }

  private Task reviewTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
