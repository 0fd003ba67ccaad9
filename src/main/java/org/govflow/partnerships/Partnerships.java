package org.govflow.partnerships;

import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.partnerships.internal.MouDates;
import org.springframework.stereotype.Service;

/** What other modules read of the MoU register: the dates that matter, for dashboards and feeds. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Partnerships {

  private final MouDates dates;

  /** Notice dates and expiries of MoUs in force that fall from {@code from} to {@code to}. */
  public List<MouDate> datesBetween(LocalDate from, LocalDate to) {
    return dates.between(from, to);
  }

  /** Every notice date and expiry of the MoUs in force a person is the focal point of. */
  public List<MouDate> datesOf(String focalPoint) {
    return dates.of(focalPoint);
  }
}
