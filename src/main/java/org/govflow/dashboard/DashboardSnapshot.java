package org.govflow.dashboard;

import java.time.Instant;
import java.util.List;
import org.govflow.workflow.ProcessStatistics.CycleTime;
import org.govflow.workflow.ProcessStatistics.Deadline;
import org.govflow.workflow.ProcessStatistics.StepCount;

/**
 * What leadership sees at one moment.
 *
 * @param since the start of the window the cycle times are taken from
 * @param upcomingMeetings statutory meetings not yet over nor cancelled, soonest first
 */
public record DashboardSnapshot(
    Instant at,
    Instant since,
    List<Count> runningByProcess,
    List<StepCount> runningByStep,
    List<Count> overdueByBody,
    List<Count> overdueByRegion,
    List<CycleTime> cycleTimeByProcess,
    List<CycleTime> cycleTimeByStep,
    List<Deadline> upcomingDeadlines,
    List<Meeting> upcomingMeetings) {

  /** A count under a key (process key, body id, region) with a readable label. */
  public record Count(String key, String label, long count) {}

  /** A statutory meeting to come, with its body's name in the reader's language. */
  public record Meeting(
      String businessKey,
      String bodyId,
      String bodyName,
      String title,
      Instant start,
      Instant end,
      String status) {}
}
