package org.govflow.partnerships.internal;

import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Starts the renewals that are due: the configured lead time before each notice date. Runs on every
 * node; each term's renewal starts once (see {@link RenewalStarts}), the others' attempts roll
 * back.
 */
@Component
@RequiredArgsConstructor
class RenewalSweep implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(RenewalSweep.class);

  private final MouRepository repository;
  private final RenewalStarts starts;
  private final BusinessCalendar calendar;
  private final PartnershipSettings settings;
  private final Clock clock;

  /** Starts every renewal due today; returns how many this call started. */
  int sweep() {
    LocalDate today = calendar.dayOf(clock.instant());
    int started = 0;
    for (Mou mou : repository.withoutRenewal()) {
      if (!starts.due(mou, today)) {
        continue;
      }
      try {
        Renewal r = starts.start(mou, MouRenewal.SYSTEM);
        log.info("Renewal {} of MoU {} started", r.businessKey(), mou.id());
        started++;
      } catch (Refusal | DataAccessException startedElsewhere) {
        log.debug("Renewal of MoU {} started elsewhere: {}", mou.id(), startedElsewhere.toString());
      }
    }
    return started;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!settings.autoStart()) {
      return;
    }
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> {
              try {
                sweep();
              } catch (RuntimeException e) {
                log.warn("MoU renewal sweep failed: {}", e.toString());
              }
            },
            settings.sweepInterval(),
            settings.sweepDelay()));
  }
}
