package org.govflow.decisions.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionViewer;
import org.govflow.web.Caller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a request into a viewer and a filter, the same way for pages, API and CSV. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DecisionAccess {

  private final MessageSource messages;

  /** The secretariat and leadership see every decision; the others, their bodies'. */
  DecisionViewer viewer(Caller caller) {
    return new DecisionViewer(caller.bodies(), caller.overseesAll());
  }

  /**
   * Dates are days in the reader's time zone ({@code 2026-03-01}) or instants; {@code to} is
   * inclusive for days.
   */
  DecisionFilter filter(FilterParams params, ZoneId zone, Locale locale) {
    return new DecisionFilter(
        blankToNull(params.processKey()),
        blankToNull(params.body()),
        instant("from", params.from(), zone, false, locale),
        instant("to", params.to(), zone, true, locale),
        blankToNull(params.q()));
  }

  /** The register's query parameters, as pages, API and CSV take them. */
  record FilterParams(String processKey, String body, String from, String to, String q) {}

  private Instant instant(
      String field, String value, ZoneId zone, boolean endOfDay, Locale locale) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidFilterException(
          field, messages.getMessage("decisions.filter.date", new Object[] {value}, locale));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A filter value that cannot be read; the message is in the reader's language. */
  static final class InvalidFilterException extends RuntimeException {
    final String field;

    InvalidFilterException(String field, String message) {
      super(message);
      this.field = field;
    }
  }
}
