package org.govflow.meetings;

import java.time.Clock;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.meetings.internal.MeetingRepository;
import org.springframework.stereotype.Service;

/** What other modules read of the statutory meetings: those still to come. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Meetings {

  private final MeetingRepository meetings;
  private final Clock clock;

  /** Meetings not yet over and not cancelled, soonest first. */
  public List<UpcomingMeeting> upcoming(int limit) {
    return meetings.from(clock.instant(), Math.max(1, Math.min(limit, 500))).stream()
        .map(
            m ->
                new UpcomingMeeting(
                    m.businessKey(), m.bodyId(), m.title(), m.start(), m.end(), m.status().code()))
        .toList();
  }

  /**
   * Every meeting, the newest first, cancelled ones included, for the modules that cite them; the
   * caller shows a reader only the meetings of their bodies unless they oversee all.
   */
  public List<Meeting> latest(int limit) {
    return meetings.all(Math.max(1, Math.min(limit, 1000)));
  }
}
