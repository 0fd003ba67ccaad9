package org.govflow.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 tasks fall due at once: the sweep writes a reminder for each, the sender hands them to a
 * real SMTP server. Measures messages per second and the time until the last one is sent, and
 * checks none goes out twice. Tagged "benchmark": not part of the default build; run it with the
 * command in docs/benchmarks.md.
 */
@Tag("benchmark")
@MailIntegrationTest
class ReminderBenchmarkTests {

  private static final int TASKS = Integer.getInteger("benchmark.tasks", 10_000);
  // Wednesday 18 November 2026, 10:00 in Madrid; every task is due at 18:00 the same day
  private static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
  private static final Date DUE = Date.from(Instant.parse("2026-11-18T17:00:00Z"));

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired Directory directory;
  @Autowired DeadlineSweep sweep;
  @Autowired ApplicationContext context;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    sender().start();
  }

  @Test
  void tenThousandTasksFallingDueAtOnceAreRemindedWithinAMinuteAndNoneTwice() throws Exception {
    sender().stop();
    // the engine's clock stands still: the sweep and the sender both read it
    ClockUtil.setCurrentTime(Date.from(NOW));
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("benchmark")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Act")
            .name("Act on the benchmark")
            .camundaAssignee("${who}")
            .camundaDueDate("${due}")
            .endEvent()
            .done();
    repository.createDeployment().addModelInstance("benchmark.bpmn", model).deploy();
    List<String> people = directory.people().stream().map(Person::id).toList();

    long setup = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> started = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      started.add(
          pool.submit(
              () -> {
                for (int i = thread; i < TASKS; i += 4) {
                  runtime.startProcessInstanceByKey(
                      "benchmark",
                      "BENCH-" + i,
                      java.util.Map.of("who", people.get(i % people.size()), "due", DUE));
                }
              }));
    }
    for (Future<?> f : started) {
      f.get();
    }
    pool.shutdown();
    double setupSeconds = (System.nanoTime() - setup) / 1e9;
    // the "to act on" messages written at creation are not what is measured
    jdbc.update("update notification set status = 'SENT' where status = 'PENDING'");
    TestMailServer.purge();

    long start = System.nanoTime();
    sender().start();
    int announced = sweep.sweep();
    double sweptSeconds = (System.nanoTime() - start) / 1e9;
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> reminders("SENT") >= TASKS);
    double lastSentSeconds = (System.nanoTime() - start) / 1e9;

    MimeMessage[] received = TestMailServer.received();
    Set<String> ids = new HashSet<>();
    int duplicates = 0;
    for (MimeMessage m : received) {
      if (!ids.add(m.getHeader("X-Govflow-Notification", null))) {
        duplicates++;
      }
    }
    String report =
        String.format(
            java.util.Locale.ROOT,
            "tasks=%d setup=%.1fs announced=%d reminders-written=%.1fs last-sent=%.1fs"
                + " received=%d duplicates=%d rate=%.0f msg/s%n",
            TASKS,
            setupSeconds,
            announced,
            sweptSeconds,
            lastSentSeconds,
            received.length,
            duplicates,
            TASKS / lastSentSeconds);
    System.out.print("BENCHMARK " + report);
    write(report);

    assertThat(announced).isGreaterThanOrEqualTo(TASKS);
    assertThat(reminders("SENT")).isEqualTo(TASKS);
    assertThat(received).hasSize(TASKS);
    assertThat(duplicates).isZero();
    assertThat(lastSentSeconds).isLessThan(60);
  }

  private int reminders(String status) {
    return jdbc.queryForObject(
        "select count(*) from notification where kind = 'REMINDER' and status = ?",
        Integer.class,
        status);
  }

  private SmartLifecycle sender() {
    return (SmartLifecycle) context.getBean("mailDelivery");
  }

  private static void write(String report) throws IOException {
    Path file = Path.of("target", "benchmarks", "reminders.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
  }
}
