package org.govflow.dashboard.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.dashboard.Dashboard;
import org.govflow.dashboard.DashboardSnapshot;
import org.govflow.partnerships.Partnerships;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard for the Presidency, the Secretary General and the secretariat. */
@Controller
@PreAuthorize("hasAnyRole('LEADERSHIP', 'SECRETARIAT', 'ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DashboardController {

  private final Dashboard dashboard;
  private final Partnerships partnerships;
  private final java.time.Clock clock;

  @GetMapping("/dashboard")
  String page(
      @RequestParam(defaultValue = "365") int days, Locale locale, TimeZone zone, Model model) {
    DashboardSnapshot snapshot = dashboard.snapshot(window(days), locale);
    model.addAttribute("dashboard", snapshot);
    model.addAttribute("runningChart", Bars.of(snapshot.runningByProcess()));
    model.addAttribute("overdueChart", Bars.of(snapshot.overdueByBody()));
    model.addAttribute("days", days);
    model.addAttribute("zone", zone.toZoneId());
    java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone.toZoneId()));
    model.addAttribute("mouDates", partnerships.datesBetween(today, today.plusDays(120)));
    return "dashboard";
  }

  @Operation(
      summary = "Running processes, overdue work, cycle times and deadlines",
      operationId = "getDashboard")
  @GetMapping("/api/v1/dashboard")
  @ResponseBody
  DashboardSnapshot api(@RequestParam(defaultValue = "365") int days, Locale locale) {
    return dashboard.snapshot(window(days), locale);
  }

  private static Duration window(int days) {
    if (days < 1 || days > 3650) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be between 1 and 3650");
    }
    return Duration.ofDays(days);
  }
}
