package org.govflow.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.meetings.Meetings;
import org.govflow.workflow.ProcessStatistics;
import org.springframework.stereotype.Service;

/** Builds the leadership dashboard from the engine's runtime and history and the directory. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Dashboard {

  /** Deadlines shown ahead of today. */
  static final Duration UPCOMING = Duration.ofDays(14);

  /** Meetings shown, soonest first, however far ahead: they are few and prepared for months. */
  static final int MEETINGS = 10;

  private final ProcessStatistics data;
  private final Directory directory;
  private final Meetings meetings;
  private final Clock clock;
  private final org.govflow.workflow.StepNames steps;

  /** The dashboard now, with cycle times of work finished in the last {@code window}. */
  public DashboardSnapshot snapshot(Duration window, Locale locale) {
    Instant now = clock.instant();
    Map<String, Body> bodies =
        directory.bodies().stream().collect(Collectors.toMap(Body::id, Function.identity()));
    Map<String, String> processNames = data.processNames();

    List<DashboardSnapshot.Count> running =
        data.runningByProcess().stream()
            .map(
                c ->
                    new DashboardSnapshot.Count(
                        c.key(),
                        steps.process(c.key(), processNames.get(c.key()), locale),
                        c.count()))
            .toList();
    List<ProcessStatistics.KeyCount> overdue = data.overdueByBody(now);
    List<DashboardSnapshot.Count> overdueByBody =
        overdue.stream()
            .map(
                c ->
                    new DashboardSnapshot.Count(
                        c.key(),
                        c.key().isEmpty()
                            ? ""
                            : Optional.ofNullable(bodies.get(c.key()))
                                .map(b -> b.name().in(locale))
                                .orElse(c.key()),
                        c.count()))
            .toList();
    Map<String, Long> byRegion = new TreeMap<>();
    for (ProcessStatistics.KeyCount c : overdue) {
      Body body = bodies.get(c.key());
      String region = body == null || body.region() == null ? "global" : body.region();
      byRegion.merge(region, c.count(), Long::sum);
    }
    ProcessStatistics.CycleTimes cycleTimes = data.cycleTimes(window, now);
    return new DashboardSnapshot(
        now,
        cycleTimes.since(),
        running,
        data.runningByStep(),
        overdueByBody,
        byRegion.entrySet().stream()
            .map(e -> new DashboardSnapshot.Count(e.getKey(), e.getKey(), e.getValue()))
            .sorted((a, b) -> Long.compare(b.count(), a.count()))
            .toList(),
        cycleTimes.byProcess(),
        cycleTimes.byStep(),
        data.upcomingDeadlines(now, now.plus(UPCOMING), 25),
        meetings.upcoming(MEETINGS).stream()
            .map(
                m ->
                    new DashboardSnapshot.Meeting(
                        m.businessKey(),
                        m.bodyId(),
                        Optional.ofNullable(bodies.get(m.bodyId()))
                            .map(b -> b.name().in(locale))
                            .orElse(m.bodyId()),
                        m.title(),
                        m.start(),
                        m.end(),
                        m.status()))
            .toList());
  }
}
