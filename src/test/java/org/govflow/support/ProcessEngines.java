package org.govflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;

/**
 * One process engine for process tests, on its own fresh PostgreSQL database (not the one the
 * Spring tests use, whose job executor would otherwise fire our timers). Jobs run only when a test
 * executes them, so timers are driven by {@code ClockUtil} and {@code execute(job())}.
 */
public final class ProcessEngines {

  private static ProcessEngine engine;

  private ProcessEngines() {}

  public static synchronized ProcessEngine postgres() {
    if (engine == null) {
      StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
      config
          .setJdbcUrl(PostgresTestDatabase.url("process"))
          .setJdbcUsername(PostgresTestDatabase.user())
          .setJdbcPassword(PostgresTestDatabase.password())
          .setJdbcDriver("org.postgresql.Driver")
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setJobExecutorActivate(false)
          .setHistory(HistoryLevel.HISTORY_LEVEL_FULL.getName())
          .setProcessEngineName("process-tests");
      config.setCmmnEnabled(false);
      config.setMetricsEnabled(false);
      config.setDbMetricsReporterActivate(false);
      // the same identifiers as the application (body and person ids with '-' and '.')
      config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
      engine = config.buildProcessEngine();
    }
    return engine;
  }
}
