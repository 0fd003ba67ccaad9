package org.govflow.support;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DueDates;

/**
 * One process engine for process tests, on its own fresh PostgreSQL database (not the one the
 * Spring tests use, whose job executor would otherwise fire our timers). Jobs run only when a test
 * executes them, so timers are driven by {@code ClockUtil} and {@code execute(job())}.
 */
public final class ProcessEngines {

  /** The default calendar: Monday to Friday, no holidays, due at 18:00 in Madrid. */
  public static final BusinessCalendar CALENDAR =
      new BusinessCalendar(
          ZoneId.of("Europe/Madrid"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Set.of(),
          LocalTime.of(18, 0));

  private static ProcessEngine engine;

  // the beans models call in expressions; a process test adds the delegates of its model
  private static final Map<Object, Object> BEANS = new ConcurrentHashMap<>();

  private ProcessEngines() {}

  /**
   * Makes a bean available to the models' expressions (a delegate, a listener), as the application
   * context does for the application's engine.
   */
  public static synchronized void register(String name, Object bean) {
    BEANS.put(name, bean);
  }

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
      // the beans models call in expressions, as the application provides them
      BEANS.put("dueDates", new DueDates(CALENDAR));
      config.setBeans(BEANS);
      config.setMetricsEnabled(false);
      config.setDbMetricsReporterActivate(false);
      // the same identifiers as the application (body and person ids with '-' and '.')
      config.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
      engine = config.buildProcessEngine();
    }
    return engine;
  }
}
