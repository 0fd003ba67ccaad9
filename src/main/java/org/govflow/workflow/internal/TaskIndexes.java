package org.govflow.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index for the inbox's sort: open tasks by due date, then creation. Camunda has none on
 * ACT_RU_TASK.DUE_DATE_, and PostgreSQL's plan for the inbox query sorted every matching task
 * (docs/benchmarks.md). It is added once the engine has created its tables (a Flyway migration
 * could run before that), idempotently on every node.
 */
@Component
class TaskIndexes implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TaskIndexes.class);

  private final JdbcTemplate jdbc;

  TaskIndexes(JdbcTemplate jdbc, ProcessEngine engine) {
    // the engine parameter only orders start-up: its schema must exist first
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      jdbc.execute(
          "create index if not exists GOVFLOW_IDX_TASK_DUE on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_)");
    } catch (DataAccessException e) {
      // another node created it at the same moment, or the database refuses: the inbox still works
      log.warn(
          "Could not create the inbox's due-date index: {}", e.getMostSpecificCause().getMessage());
    }
  }
}
