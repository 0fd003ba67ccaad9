package org.govflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.directory.AccessRole;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.TaskList;
import org.govflow.support.IntegrationTest;
import org.govflow.web.Caller;
import org.govflow.workflow.TaskIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox query on PostgreSQL with many open tasks, against Camunda's own TaskQuery for the same
 * people on the same data in the same run. Writes target/benchmarks/inbox.md. Run with {@code
 * ./mvnw -B test -Pbenchmark}; {@code -Dgovflow.benchmark.tasks=100000} sets the number of tasks.
 */
@IntegrationTest
@Tag("benchmark")
class InboxBenchmark {

  static final int TASKS = Integer.getInteger("govflow.benchmark.tasks", 100_000);
  static final int PEOPLE = 500;
  static final int BODIES = 20;
  static final int SAMPLES = Integer.getInteger("govflow.benchmark.samples", 1000);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskList inbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TaskIndex index;

  static String body(int i) {
    return String.format("bench-body-%02d", i % BODIES);
  }

  static String person(int i) {
    return String.format("bench-person-%03d", i % PEOPLE);
  }

  /** Each person sits in two bodies; each body has about fifty members. */
  static Set<String> bodiesOf(int person) {
    return Set.of(body(person), body(person * 7 + 3));
  }

  @Test
  void inboxAgainstTheRawTaskQuery() throws Exception {
    long seedStart = System.nanoTime();
    seed();
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    assertThat(tasks.createTaskQuery().count()).isGreaterThanOrEqualTo(TASKS);

    List<Caller> callers = new ArrayList<>();
    for (int p = 0; p < PEOPLE; p++) {
      callers.add(new Caller(person(p), bodiesOf(p), Set.of(AccessRole.MEMBER)));
    }
    // warm up both paths
    measure(callers, 200, this::raw);
    measure(callers, 200, this::list);

    double[] raw = measure(callers, SAMPLES, this::raw);
    double[] list = measure(callers, SAMPLES, this::list);
    // the native rows query alone, without the look-ups that describe the rows
    double[] nativeRows = measure(callers, SAMPLES, c -> index.page(query(c), 0, 20));
    // what the page waits for now: 20 rows and whether a 21st exists, no counts
    double[] served =
        measure(
            callers, SAMPLES, c -> inbox.inbox(c, InboxFilter.ALL, 0, 20, false, Locale.ENGLISH));
    // what htmx loads after the rows: the counts fragment's query
    double[] fragment = measure(callers, SAMPLES, c -> inbox.counts(c, InboxFilter.ALL));
    // the API's default (counts kept for its clients): rows + hasNext + grouped counts
    double[] page =
        measure(
            callers, SAMPLES, c -> inbox.inbox(c, InboxFilter.ALL, 0, 20, true, Locale.ENGLISH));
    double[] rawCount = measure(callers, SAMPLES, c -> rawQuery(c).count());
    double[] grouped = measure(callers, SAMPLES, c -> index.counts(query(c)));
    // how the page counted before: six TaskQuery counts (fewer samples: each costs six counts)
    double[] sixCounts = measure(callers, Math.max(20, SAMPLES / 5), this::sixCounts);

    String report =
        String.format(
            Locale.ROOT,
            "| what | p50 ms | p95 ms |%n|---|---|---|%n"
                + "| Camunda TaskQuery, first 20 by due date (raw) | %.2f | %.2f |%n"
                + "| govflow native rows query alone (TaskIndex.page) | %.2f | %.2f |%n"
                + "| govflow inbox rows: native query + definitions, business keys, bodies | %.2f | %.2f |%n"
                + "| Camunda TaskQuery count (raw) | %.2f | %.2f |%n"
                + "| govflow grouped counts alone (TaskIndex.counts, one query) | %.2f | %.2f |%n"
                + "| before: total + 5 filter counts as six TaskQuery counts (%d samples) | %.2f | %.2f |%n"
                + "| govflow inbox page as served (rows + hasNext) | %.2f | %.2f |%n"
                + "| govflow counts fragment (TaskList.counts, loaded after the rows) | %.2f | %.2f |%n"
                + "| govflow API default: rows + hasNext + grouped counts | %.2f | %.2f |%n%n"
                + "%d open tasks, %d people, %d bodies, %d samples per line; seeded in %.0f s.%n",
            p(raw, 50),
            p(raw, 95),
            p(nativeRows, 50),
            p(nativeRows, 95),
            p(list, 50),
            p(list, 95),
            p(rawCount, 50),
            p(rawCount, 95),
            p(grouped, 50),
            p(grouped, 95),
            sixCounts.length,
            p(sixCounts, 50),
            p(sixCounts, 95),
            p(served, 50),
            p(served, 95),
            p(fragment, 50),
            p(fragment, 95),
            p(page, 50),
            p(page, 95),
            tasks.createTaskQuery().count(),
            PEOPLE,
            BODIES,
            SAMPLES,
            seedSeconds);
    Files.createDirectories(Path.of("target", "benchmarks"));
    Files.writeString(Path.of("target", "benchmarks", "inbox.md"), report);
    System.out.println(report);
  }

  private Object raw(Caller c) {
    return rawPage(c);
  }

  private List<Task> rawPage(Caller c) {
    return rawQuery(c).orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 20);
  }

  private org.camunda.bpm.engine.task.TaskQuery rawQuery(Caller c) {
    return tasks
        .createTaskQuery()
        .or()
        .taskCandidateGroupIn(List.copyOf(c.bodies()))
        .includeAssignedTasks()
        .taskAssignee(c.personId())
        .endOr();
  }

  /** The total and the five filter counts as the inbox page counted them before, with TaskQuery. */
  private Object sixCounts(Caller c) {
    Date now = new Date();
    Date week = Date.from(now.toInstant().plus(Duration.ofDays(7)));
    List<String> bodies = List.copyOf(c.bodies());
    long n = rawQuery(c).count();
    n += rawQuery(c).count();
    n += tasks.createTaskQuery().taskAssignee(c.personId()).count();
    n += tasks.createTaskQuery().taskCandidateGroupIn(bodies).includeAssignedTasks().count();
    n += rawQuery(c).dueBefore(now).count();
    n += rawQuery(c).dueAfter(now).dueBefore(week).count();
    return n;
  }

  /** The rows the inbox shows, without the counts: one page of the same query, described. */
  private Object list(Caller c) {
    return inbox.rows(c, InboxFilter.ALL, 0, 20, Locale.ENGLISH);
  }

  private static double[] measure(
      List<Caller> callers, int samples, java.util.function.Function<Caller, Object> call) {
    double[] ms = new double[samples];
    for (int i = 0; i < samples; i++) {
      Caller c = callers.get((i * 37) % callers.size());
      long start = System.nanoTime();
      call.apply(c);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double p(double[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  /** Starts the processes in batches on two threads; one task in ten is taken by a member. */
  private void seed() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int batch = 500;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int from = 0; from < TASKS; from += batch) {
        int start = from;
        int end = Math.min(TASKS, from + batch);
        work.add(
            pool.submit(
                () ->
                    tx.executeWithoutResult(
                        status -> {
                          for (int i = start; i < end; i++) {
                            Map<String, Object> v = new HashMap<>();
                            v.put("title", "Benchmark " + i);
                            v.put("summary", "s");
                            v.put("approvingBody", body(i));
                            v.put("respondBy", today.plusDays((i % 90) - 30).toString());
                            runtime.startProcessInstanceByKey("document-approval", "BENCH-" + i, v);
                          }
                        })));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // one task in ten is claimed by a member of its body
    for (int b = 0; b < BODIES; b++) {
      String id = body(b);
      String member = memberOf(id);
      List<Task> some =
          tasks.createTaskQuery().taskCandidateGroup(id).listPage(0, TASKS / BODIES / 10);
      tx.executeWithoutResult(status -> some.forEach(t -> tasks.setAssignee(t.getId(), member)));
    }
  }

  /** A person who sits in the body. */
  private static String memberOf(String body) {
    for (int p = 0; p < PEOPLE; p++) {
      if (bodiesOf(p).contains(body)) {
        return person(p);
      }
    }
    throw new IllegalStateException("Nobody sits in " + body);
  }

  private static TaskIndex.Query query(Caller c) {
    return new TaskIndex.Query(c.personId(), c.bodies(), null, null, null, Instant.now());
  }
}
