package org.govflow.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Due dates a model sets itself, in expressions: {@code
 * camunda:dueDate="${dueDates.endOf(respondBy)}"}. A day someone picked in a form ({@code
 * 2026-12-02}) is due at that day's close of business in the secretariat's time zone, not at
 * midnight UTC; a value with a time of day stays as it is.
 */
@Component("dueDates")
@RequiredArgsConstructor
public class DueDates {

  private final BusinessCalendar calendar;

  /** The due date for a value from a form; null (no day given) leaves it to the policy. */
  public Date endOf(Object value) {
    if (value == null || value instanceof CharSequence blank && blank.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date;
    }
    if (value instanceof LocalDate day) {
      return Date.from(calendar.closeOf(day));
    }
    if (value instanceof CharSequence text) {
      String s = text.toString().strip();
      try {
        return s.length() == 10
            ? Date.from(calendar.closeOf(LocalDate.parse(s)))
            : Date.from(OffsetDateTime.parse(s).toInstant());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + s + "' is not a date such as 2026-12-02", e);
      }
    }
    if (value instanceof Instant instant) {
      return Date.from(instant);
    }
    throw new IllegalArgumentException("Not a date: " + value);
  }
}
