package org.govflow.notifications.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as the operator watches it (docs/operations.md): messages waiting to be sent, the age
 * of the oldest of them, and messages that gave up. One query for all three, on the index the
 * sender claims by ({@code notification_due}), read at most once every few seconds however often
 * Prometheus scrapes. The table is shared by every node, so each node reports the same figures.
 */
@Component
class OutboxGauges {

  /** Scrapes within this time of each other read the same figures. */
  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final LoadingCache<Boolean, Figures> figures =
      Caffeine.newBuilder().expireAfterWrite(FRESHNESS).build(key -> read());

  OutboxGauges(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("govflow.outbox.pending", () -> figures().pending())
        .description("Messages waiting in the outbox to be sent, retries included")
        .baseUnit("messages")
        .register(registry);
    Gauge.builder("govflow.outbox.oldest.age", () -> figures().oldestAgeSeconds())
        .description("How long the oldest message waiting in the outbox has waited (0: none)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("govflow.outbox.failed", () -> figures().failed())
        .description("Messages the sender gave up on after its last attempt")
        .baseUnit("messages")
        .register(registry);
  }

  private Figures figures() {
    return figures.get(Boolean.TRUE);
  }

  private Figures read() {
    Figures counted = new Figures(0, 0, 0);
    for (Figures row :
        jdbc.query(
            "select status, count(*) as n, min(created_at) as oldest from notification"
                + " where status in (?, ?) group by status",
            (rs, i) -> {
              long n = rs.getLong("n");
              if (Outbox.FAILED.equals(rs.getString("status"))) {
                return new Figures(0, 0, n);
              }
              OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
              long age =
                  oldest == null
                      ? 0
                      : Math.max(0, Duration.between(oldest.toInstant(), now()).toSeconds());
              return new Figures(n, age, 0);
            },
            Outbox.PENDING,
            Outbox.FAILED)) {
      counted =
          new Figures(
              counted.pending() + row.pending(),
              Math.max(counted.oldestAgeSeconds(), row.oldestAgeSeconds()),
              counted.failed() + row.failed());
    }
    return counted;
  }

  private Instant now() {
    return clock.instant();
  }

  private record Figures(long pending, long oldestAgeSeconds, long failed) {}
}
