package org.govflow.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeadlinesConfiguration {

  @Bean
  BusinessCalendar businessCalendar(DeadlineSettings settings) {
    return BusinessCalendar.of(settings);
  }

  /**
   * The time govflow reads: the engine's clock, so that due dates the engine stamps and the sweeps
   * that compare against them agree, and a test that moves Camunda's {@link ClockUtil} moves both.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
