package org.govflow.deadlines.internal;

import org.govflow.deadlines.BusinessCalendar;
import org.govflow.deadlines.DeadlineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeadlinesConfiguration {

  @Bean
  BusinessCalendar businessCalendar(DeadlineSettings settings) {
    return BusinessCalendar.of(settings);
  }
}
