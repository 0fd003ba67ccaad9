package org.govflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.govflow.deadlines.DeadlineSettings.Days;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

  // Tuesday 8 December 2026 is a holiday in Spain (Immaculate Conception)
  private static final LocalDate HOLIDAY = LocalDate.of(2026, 12, 8);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private final BusinessCalendar calendar =
      new BusinessCalendar(
          MADRID,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Set.of(HOLIDAY),
          LocalTime.of(18, 0));

  @Test
  void weekendsAndHolidaysAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(FRIDAY)).isTrue();
    assertThat(calendar.isWorkingDay(FRIDAY.plusDays(1))).isFalse();
    assertThat(calendar.isWorkingDay(FRIDAY.plusDays(2))).isFalse();
    assertThat(calendar.isWorkingDay(FRIDAY.plusDays(3))).isTrue();
    assertThat(calendar.isWorkingDay(HOLIDAY)).isFalse();
  }

  @Test
  void workingDaysSkipTheWeekendAndTheHoliday() {
    assertThat(calendar.addWorkingDays(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(calendar.addWorkingDays(FRIDAY, 2)).isEqualTo(LocalDate.of(2026, 12, 9));
    assertThat(calendar.addWorkingDays(FRIDAY, 3)).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 10), -3)).isEqualTo(FRIDAY);
    // zero on a Saturday is the next working day
    assertThat(calendar.addWorkingDays(FRIDAY.plusDays(1), 0)).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void workingDaysBetweenCountOnlyWorkingDays() {
    assertThat(calendar.workingDaysBetween(FRIDAY, FRIDAY)).isZero();
    assertThat(calendar.workingDaysBetween(FRIDAY, LocalDate.of(2026, 12, 9))).isEqualTo(2);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 9), FRIDAY)).isEqualTo(-2);
    assertThat(calendar.workingDaysBetween(FRIDAY, FRIDAY.plusDays(2))).isZero();
  }

  @Test
  void aTaskDueInBusinessDaysFallsDueAtTheDueTimeInMadrid() {
    // created Friday 10:00 in Madrid (09:00 UTC); three working days on is Thursday 10 December
    Instant created = Instant.parse("2026-12-04T09:00:00Z");

    assertThat(calendar.due(created, Period.ofDays(3), Days.BUSINESS))
        .isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
    assertThat(calendar.due(created, Period.ofDays(3), Days.CALENDAR))
        .isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
  }

  @Test
  void theDayIsTheSecretariatsDayNotUtcs() {
    // 23:30 UTC on Friday is already Saturday in Madrid: counting starts from Saturday
    Instant lateFriday = Instant.parse("2026-12-04T23:30:00Z");

    assertThat(calendar.dayOf(lateFriday)).isEqualTo(FRIDAY.plusDays(1));
    assertThat(calendar.due(lateFriday, Period.ofDays(1), Days.BUSINESS))
        .isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
  }

  @Test
  void summerTimeIsRespected() {
    // Madrid is UTC+2 in July
    assertThat(calendar.due(Instant.parse("2026-07-01T08:00:00Z"), Period.ofDays(1), Days.BUSINESS))
        .isEqualTo(Instant.parse("2026-07-02T16:00:00Z"));
  }

  @Test
  void monthsAreNotWorkingDays() {
    assertThatThrownBy(() -> calendar.due(Instant.now(), Period.ofMonths(1), Days.BUSINESS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFirstMatchingRuleWinsElseTheDefault() {
    DeadlineSettings settings =
        new DeadlineSettings(
            MADRID,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            java.util.List.of(),
            LocalTime.of(18, 0),
            new DeadlineSettings.Deadline(Period.ofDays(5), Days.BUSINESS),
            java.util.List.of(
                new DeadlineSettings.Rule(
                    "document-approval", "ReviewDocument", Period.ofDays(10), Days.CALENDAR),
                new DeadlineSettings.Rule(
                    "document-approval", null, Period.ofDays(2), Days.BUSINESS)),
            java.util.List.of(3, 0),
            java.util.List.of(),
            java.time.Duration.ofMinutes(15));

    assertThat(settings.deadlineFor("document-approval", "ReviewDocument").duration())
        .isEqualTo(Period.ofDays(10));
    assertThat(settings.deadlineFor("document-approval", "Other").duration())
        .isEqualTo(Period.ofDays(2));
    assertThat(settings.deadlineFor("mou-renewal", "Assess").duration())
        .isEqualTo(Period.ofDays(5));
  }
}
