package org.govflow.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * The engine starts after Flyway. Camunda creates its tables when the engine is built; were that
 * first, Flyway would find a non-empty schema without its history table and refuse to migrate. A
 * bean asking for a Camunda service in its constructor must not be able to change that order.
 */
@Component
class EngineAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

  EngineAfterFlyway() {
    super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
  }
}
