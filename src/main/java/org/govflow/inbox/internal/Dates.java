package org.govflow.inbox.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formats instants for a page in the reader's language and time zone. */
public final class Dates {

  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;
  private final ZoneId zone;
  private final Locale locale;

  Dates(Locale locale, ZoneId zone) {
    this.zone = zone;
    this.locale = locale;
    this.dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
    this.date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
  }

  public String format(Instant instant) {
    return instant == null ? "" : dateTime.format(instant);
  }

  public String day(Instant instant) {
    return instant == null ? "" : date.format(instant);
  }

  /** For a {@code <time datetime>} attribute. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** The zone as the reader reads it (city and name in their language), not its id. */
  public String zone() {
    return org.govflow.web.LocalNames.zone(zone, locale);
  }
}
