package org.govflow.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the engine serves: it reads its own tables (one small query, the engine's properties)
 * through its own connection pool and transaction handling. DOWN makes the node unready (the
 * readiness group). Whether this node's job executor runs is a detail: a node without one still
 * serves people, the other nodes run the jobs.
 */
@Component("engineHealthIndicator")
class EngineHealth implements HealthIndicator {

  private final ProcessEngine engine;

  EngineHealth(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder().withDetail("name", engine.getName());
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl) {
      JobExecutor executor = impl.getJobExecutor();
      health.withDetail("jobExecutor", executor != null && executor.isActive() ? "active" : "off");
    }
    try {
      engine.getManagementService().getProperties();
      return health.up().build();
    } catch (RuntimeException e) {
      return health.down(e).build();
    }
  }
}
