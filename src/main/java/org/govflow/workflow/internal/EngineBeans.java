package org.govflow.workflow.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ProcessEngine;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.RuleTables;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine as the other modules see it: its clock and its rule tables. */
@Configuration
class EngineBeans {

  /** govflow's time is the engine's: a test that moves Camunda's clock moves both. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  @Bean
  RuleTables ruleTables(ProcessEngine engine) {
    return new RuleTables(engine);
  }
}
