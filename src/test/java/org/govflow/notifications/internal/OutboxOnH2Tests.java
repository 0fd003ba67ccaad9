package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox's SQL on H2, the quick start's database: the migrations, dedupe and claiming. */
class OutboxOnH2Tests {

  private final Outbox outbox = new Outbox(new JdbcTemplate(h2()));

  @Test
  void aMessageIsStoredOncePerDedupeKeyAndClaimedWhenDue() {
    Instant now = Instant.parse("2026-12-04T09:00:00Z");

    assertThat(outbox.add(message("t1:TASK:amina"), now)).isTrue();
    assertThat(outbox.add(message("t1:TASK:amina"), now)).isFalse();
    assertThat(outbox.add(message("t1:TASK:lucia"), now)).isTrue();

    assertThat(outbox.claim(10, now.minusSeconds(1))).isEmpty();
    assertThat(outbox.claim(10, now)).hasSize(2);
    assertThat(outbox.claim(1, now)).hasSize(1);

    String id = outbox.claim(10, now).get(0).id();
    outbox.retryAt(id, now.plusSeconds(60), "down");
    assertThat(outbox.claim(10, now)).hasSize(1);
    outbox.failed(outbox.claim(10, now).get(0).id(), "rejected");
    assertThat(outbox.claim(10, now)).isEmpty();
    assertThat(outbox.failed(10)).singleElement().satisfies(n -> assertThat(n.attempts()).isOne());
    assertThat(outbox.ofRecipient("amina", 10)).hasSize(1);
  }

  @Test
  void manyMessagesAreStoredInOneGoOncePerDedupeKeyWithTheirStatus() {
    Instant now = Instant.parse("2026-12-04T09:00:00Z");
    outbox.add(message("t2:TASK:amina"), now);

    int stored =
        outbox.addAll(
            java.util.List.of(
                new Outbox.Filed(message("t2:TASK:amina"), Outbox.PENDING),
                new Outbox.Filed(message("t2:TASK:lucia"), Outbox.PENDING),
                new Outbox.Filed(message("t2:TASK:mathieu"), Outbox.DIGEST)),
            now);

    assertThat(stored).isEqualTo(2);
    assertThat(outbox.claim(10, now)).hasSize(2);
    assertThat(outbox.addAll(java.util.List.of(), now)).isZero();
    assertThat(outbox.deliveries(java.util.List.of("amina", "lucia")))
        .containsOnlyKeys("amina", "lucia")
        .allSatisfy(
            (id, d) -> assertThat(d).isEqualTo(org.govflow.notifications.Delivery.IMMEDIATE));
  }

  @Test
  void heldMessagesAreLockedForADigestAndPreferencesAreKept() {
    Instant now = Instant.parse("2026-12-04T09:00:00Z");
    outbox.add(message("t1:TASK:mathieu"), now, Outbox.DIGEST);
    outbox.add(message("t2:TASK:mathieu"), now, Outbox.DIGEST);

    assertThat(outbox.claim(10, now)).isEmpty();
    assertThat(outbox.awaitingDigest()).containsExactly("mathieu");
    var held = outbox.lockDigest("mathieu");
    assertThat(held).hasSize(2);
    outbox.digested(held);
    assertThat(outbox.awaitingDigest()).isEmpty();

    assertThat(outbox.delivery("mathieu")).isEqualTo(org.govflow.notifications.Delivery.IMMEDIATE);
    outbox.deliver("mathieu", org.govflow.notifications.Delivery.DAILY);
    outbox.deliver("mathieu", org.govflow.notifications.Delivery.DAILY);
    assertThat(outbox.delivery("mathieu")).isEqualTo(org.govflow.notifications.Delivery.DAILY);
  }

  @Test
  void aPersonsMessagesArePagedAndReadOneByOneOrAllAtOnce() {
    Instant now = Instant.parse("2026-12-04T09:00:00Z");
    for (int i = 0; i < 5; i++) {
      outbox.add(message("t" + i + ":TASK:youssef"), now.plusSeconds(i));
    }
    outbox.add(message("t9:TASK:aissatou"), now);
    assertThat(outbox.unread("youssef")).isEqualTo(5);
    var first = outbox.ofRecipient("youssef", 0, 2);
    assertThat(first).hasSize(2).allMatch(n -> n.unread());
    assertThat(outbox.ofRecipient("youssef", 4, 2)).hasSize(1);

    // someone else's message is neither read nor shown
    String theirs = outbox.ofRecipient("aissatou", 0, 1).get(0).id();
    assertThat(outbox.markRead("youssef", theirs)).isNull();
    assertThat(outbox.unread("aissatou")).isOne();

    outbox.markRead("youssef", first.get(0).id());
    assertThat(outbox.unread("youssef")).isEqualTo(4);
    assertThat(outbox.ofRecipient("youssef", 0, 1).get(0).unread()).isFalse();
    assertThat(outbox.markAllRead("youssef")).isEqualTo(4);
    assertThat(outbox.unread("youssef")).isZero();
  }

  private static OutboxMessage message(String key) {
    String recipient = key.substring(key.lastIndexOf(':') + 1);
    return new OutboxMessage(
        key,
        "TASK",
        recipient,
        recipient + "@example.org",
        "t1",
        "http://x/tasks/t1",
        "s",
        "t",
        "h",
        null,
        null);
  }

  private static JdbcDataSource h2() {
    JdbcDataSource data = new JdbcDataSource();
    data.setURL("jdbc:h2:mem:outbox" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    data.setUser("sa");
    Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
    return data;
  }
}
