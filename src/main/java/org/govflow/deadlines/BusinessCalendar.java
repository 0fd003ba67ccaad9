package org.govflow.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days and holidays in the secretariat's time zone. Days are counted on the secretariat's
 * calendar wherever the reader lives: a holiday in Barcelona stops the clock for everyone.
 */
public final class BusinessCalendar {

  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private final LocalTime dueTime;

  public BusinessCalendar(
      ZoneId zone, Set<DayOfWeek> workingDays, Set<LocalDate> holidays, LocalTime dueTime) {
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("A business calendar needs at least one working day");
    }
    this.zone = zone;
    this.workingDays = EnumSet.copyOf(workingDays);
    this.holidays = new TreeSet<>(holidays);
    this.dueTime = dueTime;
  }

  public static BusinessCalendar of(DeadlineSettings settings) {
    return new BusinessCalendar(
        settings.timeZone(),
        settings.workingDays(),
        new TreeSet<>(settings.holidays()),
        settings.dueTime());
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** The close of business (the due time) of a day, in the secretariat's time zone. */
  public Instant closeOf(LocalDate day) {
    return day.atTime(dueTime).atZone(zone).toInstant();
  }

  /** The day in the secretariat's time zone at an instant. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /**
   * The working day {@code days} working days after {@code from} (before it when negative); zero
   * gives {@code from} itself when it is a working day, else the next working day.
   */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    LocalDate day = from;
    if (days == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int step = days > 0 ? 1 : -1;
    int left = Math.abs(days);
    while (left > 0) {
      day = day.plusDays(step);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * Working days from one day to a later one: 0 on the same day, 1 from a working day to the next
   * working day; negative when {@code to} is before {@code from}. Non-working days between them do
   * not count.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * When a task created at {@code start} is due: {@code period} later in working or calendar days,
   * at the due time of day in the secretariat's time zone. A task due in working days falls due on
   * a working day.
   */
  public Instant due(Instant start, Period period, DeadlineSettings.Days days) {
    LocalDate created = dayOf(start);
    LocalDate dueDay;
    if (days == DeadlineSettings.Days.BUSINESS) {
      if (period.toTotalMonths() != 0) {
        throw new IllegalArgumentException(
            "Working days are counted in days or weeks (P10D, P2W), not " + period);
      }
      dueDay = addWorkingDays(created, period.getDays());
    } else {
      dueDay = created.plus(period);
    }
    return ZonedDateTime.of(dueDay, dueTime, zone).toInstant();
  }
}
