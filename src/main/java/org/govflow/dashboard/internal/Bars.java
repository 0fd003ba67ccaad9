package org.govflow.dashboard.internal;

import java.util.List;
import org.govflow.dashboard.DashboardSnapshot;

/** Counts scaled for an SVG bar chart drawn on the server. */
record Bars(List<Bar> bars, int height) {

  static final double WIDTH = 140;

  record Bar(String label, long count, double width, int y) {}

  static Bars of(List<DashboardSnapshot.Count> counts) {
    long max = counts.stream().mapToLong(DashboardSnapshot.Count::count).max().orElse(1);
    List<Bar> bars =
        java.util.stream.IntStream.range(0, counts.size())
            .mapToObj(
                i -> {
                  DashboardSnapshot.Count c = counts.get(i);
                  return new Bar(
                      c.label(), c.count(), max == 0 ? 0 : WIDTH * c.count() / max, i * 26);
                })
            .toList();
    return new Bars(bars, counts.size() * 26 + 4);
  }
}
