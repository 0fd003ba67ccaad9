package org.govflow.workplan.internal;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period of a work plan: a quarter of its year, written {@code 2027-Q1}. */
record ReportPeriod(int year, int quarter) {

  private static final Pattern FORM = Pattern.compile("(\\d{4})-Q([1-4])");

  static ReportPeriod parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a period like 2027-Q1: " + text);
    }
    return new ReportPeriod(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  static boolean valid(String text) {
    return text != null && FORM.matcher(text.trim()).matches();
  }

  static ReportPeriod of(LocalDate day) {
    return new ReportPeriod(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  LocalDate lastDay() {
    return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
  }

  /** The share of the plan's year elapsed at the end of this period, 0-100. */
  int elapsedPercent() {
    return quarter * 25;
  }

  ReportPeriod previous() {
    return quarter == 1 ? new ReportPeriod(year - 1, 4) : new ReportPeriod(year, quarter - 1);
  }

  @Override
  public String toString() {
    return year + "-Q" + quarter;
  }
}
