package org.govflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard with 50,000 finished process instances in the engine's history, on PostgreSQL: p50
 * and p95 of building it (service) and of serving the page (HTTP, rendered). Run with {@code ./mvnw
 * -Pbenchmark test -Dtest=DashboardBenchmark}; figures go to target/benchmarks/.
 */
@Tag("benchmark")
@IntegrationTest
// as in production: figures cached, templates parsed once
@TestPropertySource(properties = {"spring.cache.type=caffeine", "spring.thymeleaf.cache=true"})
class DashboardBenchmark {

  static final int INSTANCES = Integer.getInteger("benchmark.instances", 50_000);
  static final int RUNS = 50;
  static final String[] BODIES = {
    "world-council", "executive-bureau", "council-right-to-city", "council-multilevel-finance",
    "section-africa", "section-europe", "section-latin-america", "presidency"
  };

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired TransactionTemplate transaction;
  @Autowired Dashboard dashboard;
  @Autowired CacheManager caches;
  @LocalServerPort int port;

  @Test
  void dashboardOverFiftyThousandFinishedInstances() throws IOException {
    long generation = System.nanoTime();
    generate();
    long generated = history.createHistoricProcessInstanceQuery().finished().count();
    double generationSeconds = (System.nanoTime() - generation) / 1e9;
    assertThat(generated).isGreaterThanOrEqualTo(INSTANCES);

    for (int i = 0; i < 5; i++) {
      dashboard.snapshot(Duration.ofDays(365), Locale.ENGLISH);
    }
    List<Double> service = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      // cold: every figure computed from the database, as on the first load of a minute
      caches.getCache("dashboard-cycle-times").clear();
      long t = System.nanoTime();
      DashboardSnapshot snapshot = dashboard.snapshot(Duration.ofDays(365), Locale.ENGLISH);
      service.add((System.nanoTime() - t) / 1e6);
      assertThat(snapshot.cycleTimeByProcess()).hasSize(4);
    }

    WebSession president = new WebSession(port);
    president.login("president", "demo");
    for (int i = 0; i < 5; i++) {
      president.get("/dashboard");
    }
    List<Double> page = new ArrayList<>();
    List<Double> cold = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      assertThat(president.get("/dashboard").statusCode()).isEqualTo(200);
      page.add((System.nanoTime() - t) / 1e6);
      caches.getCache("dashboard-cycle-times").clear();
      t = System.nanoTime();
      assertThat(president.get("/dashboard").statusCode()).isEqualTo(200);
      cold.add((System.nanoTime() - t) / 1e6);
    }

    String report =
        String.format(
            Locale.ROOT,
            "dashboard benchmark: %d finished instances (generated in %.0f s), %d runs each%n"
                + "  service Dashboard.snapshot, cold: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n"
                + "  page GET /dashboard, cold: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n"
                + "  page GET /dashboard, cycle times cached: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
            generated,
            generationSeconds,
            RUNS,
            percentile(service, 50),
            percentile(service, 95),
            percentile(service, 100),
            percentile(cold, 50),
            percentile(cold, 95),
            percentile(cold, 100),
            percentile(page, 50),
            percentile(page, 95),
            percentile(page, 100));
    System.out.print(report);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/dashboard.txt"), report);
    assertThat(percentile(cold, 95)).as("p95 of the dashboard page, cold").isLessThan(300);
  }

  /** Four processes of two steps each, finished over the past year with random durations. */
  private void generate() {
    long existing = history.createHistoricProcessInstanceQuery().finished().count();
    if (existing >= INSTANCES) {
      return; // a kept database (GOVFLOW_TEST_DATABASE) already holds the data
    }
    for (int p = 1; p <= 4; p++) {
      repository
          .createDeployment()
          .addModelInstance(
              "bench-" + p + ".bpmn",
              Bpmn.createExecutableProcess("bench-" + p)
                  .name("Benchmark process " + p)
                  .camundaHistoryTimeToLive(3650)
                  .startEvent()
                  .userTask("Draft")
                  .name("Draft")
                  .camundaCandidateGroups("${body}")
                  .userTask("Approve")
                  .name("Approve")
                  .camundaCandidateGroups("${body}")
                  .endEvent()
                  .done())
          .deploy();
    }
    SplittableRandom random = new SplittableRandom(42);
    Instant now = Instant.now();
    int batch = 250;
    try {
      for (int done = 0; done < INSTANCES; done += batch) {
        int size = Math.min(batch, INSTANCES - done);
        transaction.executeWithoutResult(
            status -> {
              for (int i = 0; i < size; i++) {
                Instant start = now.minus(Duration.ofMinutes(random.nextLong(60, 360L * 24 * 60)));
                ClockUtil.setCurrentTime(Date.from(start));
                String pi =
                    runtime
                        .startProcessInstanceByKey(
                            "bench-" + random.nextInt(1, 5),
                            "BENCH-" + start.toEpochMilli() + "-" + i,
                            Map.of("body", BODIES[random.nextInt(BODIES.length)]))
                        .getId();
                Instant t = start;
                for (int step = 0; step < 2; step++) {
                  t = t.plus(Duration.ofMinutes(random.nextLong(10, 20L * 24 * 60)));
                  ClockUtil.setCurrentTime(Date.from(t.isAfter(now) ? now : t));
                  Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
                  tasks.complete(task.getId());
                }
              }
            });
      }
    } finally {
      ClockUtil.reset();
    }
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
