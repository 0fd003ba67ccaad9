package org.govflow.workplan.internal;

import java.time.LocalDate;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the reporting cycle of the quarter just ended, on the configured cron ({@code
 * govflow.workplan.cycle-cron}, by default the first day of each quarter), when that year has a
 * work plan and the quarter's reports are not open yet.
 */
@Component
@RequiredArgsConstructor
class ReportScheduler {

  private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final Processes processes;
  private final WorkPlanSettings settings;

  @Scheduled(
      cron = "${govflow.workplan.cycle-cron:0 0 6 1 1,4,7,10 *}",
      zone = "${govflow.workplan.zone:Europe/Madrid}")
  void startEndedQuarter() {
    ReportPeriod period =
        ReportPeriod.of(LocalDate.ofInstant(EngineClock.now(), settings.zone())).previous();
    plans
        .plan(period.year())
        .filter(p -> reports.reports(p.id(), period.toString()).isEmpty())
        .ifPresent(
            p -> {
              var started =
                  processes.start(
                      ReportCycle.PROCESS,
                      Map.of("year", period.year(), "period", period.toString()),
                      ReportCycle.SYSTEM);
              log.info("Work plan {}: reporting cycle {} started", period, started.businessKey());
            });
  }
}
