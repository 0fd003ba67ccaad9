package org.govflow.partnerships.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.govflow.partnerships.MouDate;
import org.springframework.stereotype.Component;

/** The notice dates and expiries of the MoUs in force, for the dashboard and calendar feeds. */
@Component
@RequiredArgsConstructor
public class MouDates {

  private final MouRepository repository;

  public List<MouDate> between(LocalDate from, LocalDate to) {
    return all().stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList();
  }

  public List<MouDate> of(String focalPoint) {
    return all().stream().filter(d -> d.focalPoint().equals(focalPoint)).toList();
  }

  private List<MouDate> all() {
    List<MouDate> dates = new ArrayList<>();
    for (Mou m : repository.all()) {
      if (m.endedOn() != null || !m.status().inForce()) {
        continue;
      }
      dates.add(date(m, "notice", m.term().noticeDate()));
      dates.add(date(m, "expiry", m.term().endsOn()));
    }
    dates.sort(Comparator.comparing(MouDate::date));
    return dates;
  }

  private static MouDate date(Mou m, String kind, LocalDate date) {
    return new MouDate(m.id(), m.partnerId(), m.title(), kind, date, m.focalPoint());
  }
}
