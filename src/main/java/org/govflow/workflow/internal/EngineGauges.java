package org.govflow.workflow.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine as the operator watches it (docs/operations.md): jobs due and waiting for the job
 * executor, jobs out of retries, and open incidents. Three counts on small tables (a job row lives
 * only until it runs; an incident until it is resolved), read at most once every few seconds
 * however often Prometheus scrapes. The tables are shared by every node, so each node reports the
 * same figures.
 */
@Component
class EngineGauges {

  /** Scrapes within this time of each other read the same figures. */
  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private final ManagementService management;
  private final RuntimeService runtime;
  private final LoadingCache<Boolean, Figures> figures =
      Caffeine.newBuilder().expireAfterWrite(FRESHNESS).build(key -> read());

  EngineGauges(ProcessEngine engine, MeterRegistry registry) {
    this.management = engine.getManagementService();
    this.runtime = engine.getRuntimeService();
    Gauge.builder("govflow.jobs.due", () -> figures().due())
        .description(
            "Jobs (timers, asynchronous steps) that are due, have retries left and are not"
                + " suspended: the job executor's backlog")
        .baseUnit("jobs")
        .register(registry);
    Gauge.builder("govflow.jobs.failed", () -> figures().failed())
        .description("Jobs out of retries: each has an open incident")
        .baseUnit("jobs")
        .register(registry);
    Gauge.builder("govflow.incidents.open", () -> figures().incidents())
        .description("Open incidents: process instances stuck until an operator acts")
        .baseUnit("incidents")
        .register(registry);
  }

  private Figures figures() {
    return figures.get(Boolean.TRUE);
  }

  private Figures read() {
    return new Figures(
        management.createJobQuery().executable().active().count(),
        management.createJobQuery().noRetriesLeft().count(),
        runtime.createIncidentQuery().count());
  }

  private record Figures(long due, long failed, long incidents) {}
}
