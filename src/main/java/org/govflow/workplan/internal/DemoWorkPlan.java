package org.govflow.workplan.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RuleTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The quick start's work plan (demo profile only), once: the demo plan of this year imported, its
 * first chapter owned by UCLG Africa and its policy section by the Policy Council on the Right to
 * the City, last quarter reported and validated, and this quarter's report tasks open for both.
 */
@Component
@Profile("demo")
record DemoWorkPlan(
    WorkPlanImports imports,
    WorkPlanOwners owners,
    WorkPlanRepository plans,
    ReportCycle cycle,
    RuleTables rules,
    Processes processes,
    WorkPlanSettings settings) {

  private static final Logger log = LoggerFactory.getLogger(DemoWorkPlan.class);
  private static final String AFRICA = "section-africa";
  private static final String COUNCIL = "council-right-to-city";

  @EventListener(ApplicationReadyEvent.class)
  @Order(40)
  void seed() {
    ReportPeriod now = ReportPeriod.of(LocalDate.ofInstant(EngineClock.now(), settings.zone()));
    int year = now.year();
    if (plans.plan(year).isPresent()) {
      return;
    }
    try (InputStream in = new ClassPathResource("workplan/demo-workplan.txt").getInputStream()) {
      imports.importPlan(year, "demo-workplan.txt", in.readAllBytes(), "officer");
      owners.assignSection(year, "1", AFRICA, "ibrahima.sarr", "officer");
      owners.assignSection(year, "2.2", COUNCIL, "ana.belmonte", "officer");
      if (now.quarter() > 1) {
        lastQuarter(year, now.previous().toString());
      }
      processes.start(
          ReportCycle.PROCESS, Map.of("year", year, "period", now.toString()), "officer");
    } catch (IOException | RuntimeException e) {
      log.warn("The demo work plan could not be seeded", e);
    }
  }

  private void lastQuarter(int year, String period) {
    cycle.open(year, period, null);
    report(
        year,
        period,
        AFRICA,
        "ibrahima.sarr",
        List.of(
            new ReportLine("1.1-B1", 70, null, 0, "Two hubs opened, in Dakar and Quito.", null),
            new ReportLine("1.1-B2", 40, null, 0, "Practices collected from 12 cities.", null),
            new ReportLine("1.1-B3", 20, null, 45, "The exchange moved to next year.", null),
            new ReportLine("1.2-B1", 100, "done", 0, "Both sessions held, 48 trainers.", null),
            new ReportLine("1.2-R1", 55, null, 10, "Draft module under review.", null)));
    report(
        year,
        period,
        COUNCIL,
        "ana.belmonte",
        List.of(
            new ReportLine("2.2.1-B1", 80, null, 0, "Position drafted with the co-chairs.", null),
            new ReportLine("2.2.1-B2", 30, null, 0, "First meeting of the community.", null),
            new ReportLine("2.2.2-B1", 75, null, 0, "Coalition convened in Malaga.", null)));
    // its implementation report, compiled and awaiting the Executive Bureau
    cycle.compile(year, period, null);
  }

  private void report(
      int year, String period, String body, String reporter, List<ReportLine> lines) {
    cycle.submitted(year, period, body, reporter, lines);
    int elapsed = ReportPeriod.parse(period).elapsedPercent();
    Map<String, String> statuses = new HashMap<>();
    for (ReportLine line : lines) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("proposal", line.proposal());
      inputs.put("progress", line.progress());
      inputs.put("elapsed", elapsed);
      inputs.put("slipDays", line.slipDays());
      statuses.put(line.ref(), (String) rules.single(ReportChecked.STATUS_TABLE, inputs));
    }
    cycle.validated(year, period, body, "officer", statuses);
  }
}
