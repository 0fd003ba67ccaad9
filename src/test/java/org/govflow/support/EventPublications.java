package org.govflow.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The modules' listeners run after the step that published an event commits, on threads of their
 * own; the event publication registry marks each publication complete once its listener is done.
 */
public final class EventPublications {

  private EventPublications() {}

  /** Waits until every listener of every event published so far has done its work. */
  public static void awaitHandled(JdbcTemplate jdbc) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from event_publication where completion_date is null",
                        Integer.class)
                    == 0);
  }
}
