package org.govflow.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govflow.notifications.Delivery;
import org.govflow.notifications.Notification;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Writes join the caller's transaction (the engine's, when a task listener
 * writes), so a message exists if and only if the state change that caused it committed.
 */
@Repository
public class Outbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  /** waiting for the recipient's daily digest; never claimed by the sender */
  static final String DIGEST = "DIGEST";

  /** went out in a digest */
  static final String DIGESTED = "DIGESTED";

  private static final String COLUMNS =
      "id, kind, recipient_id, email, subject, task_id, link, created_at, status, attempts,"
          + " last_error, sent_at, read_at";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private volatile Boolean postgres;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * Stores a message unless one with the same dedupe key exists (written by this node earlier or by
   * another node at the same moment); true when this call stored it.
   */
  boolean add(OutboxMessage m, Instant now) {
    return add(m, now, PENDING);
  }

  /** Like {@link #add(OutboxMessage, Instant)}, held for a digest when status is DIGEST. */
  boolean add(OutboxMessage m, Instant now, String status) {
    return jdbc.update(insert(), args(m, now, status)) == 1;
  }

  /** A message and the status it is stored with (PENDING or DIGEST). */
  record Filed(OutboxMessage message, String status) {}

  /**
   * Stores each message unless its dedupe key is there, in one round trip to the database; how many
   * this call stored.
   */
  int addAll(List<Filed> messages, Instant now) {
    if (messages.isEmpty()) {
      return 0;
    }
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (Filed f : messages) {
      rows.add(args(f.message(), now, f.status()));
    }
    int stored = 0;
    for (int n : jdbc.batchUpdate(insert(), rows)) {
      // a driver may answer "done, count unknown" for a batched row
      stored += n == Statement.SUCCESS_NO_INFO ? 1 : n;
    }
    return stored;
  }

  /**
   * The insert that does nothing when the dedupe key exists: on PostgreSQL a concurrent insert of
   * the same key waits for the other transaction, then does nothing; on H2 (the single-node quick
   * start) the unique constraint still guards against a race.
   */
  private String insert() {
    String columns =
        " (id, dedupe_key, kind, recipient_id, email, task_id, link, subject, body_text,"
            + " body_html, created_at, status, attempts, next_attempt_at, calendar, calendar_method) ";
    return postgres()
        ? "insert into notification"
            + columns
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (dedupe_key) do nothing"
        : "insert into notification"
            + columns
            + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from dual"
            + " where not exists (select 1 from notification where dedupe_key = ?)";
  }

  private Object[] args(OutboxMessage m, Instant now, String status) {
    Object[] args = {
      UUID.randomUUID().toString(),
      m.dedupeKey(),
      m.kind(),
      m.recipientId(),
      m.email(),
      m.taskId(),
      m.link(),
      m.subject(),
      m.text(),
      m.html(),
      at(now),
      status,
      0,
      at(now),
      m.calendar(),
      m.calendarMethod()
    };
    if (postgres()) {
      return args;
    }
    Object[] withKey = Arrays.copyOf(args, args.length + 1);
    withKey[args.length] = m.dedupeKey();
    return withKey;
  }

  /**
   * Locks up to {@code limit} messages due for an attempt, skipping those another node holds; must
   * run in the transaction that then records the outcome, so a node that dies mid-way releases its
   * rows.
   */
  List<Claimed> claim(int limit, Instant now) {
    String lock = postgres() ? " for update skip locked" : " for update";
    return jdbc.query(
        "select id, email, subject, body_text, body_html, attempts, calendar, calendar_method"
            + " from notification"
            + " where status = ? and next_attempt_at <= ? order by next_attempt_at, id"
            + " fetch first "
            + limit
            + " rows only"
            + lock,
        (rs, i) ->
            new Claimed(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getInt("attempts"),
                rs.getString("calendar"),
                rs.getString("calendar_method")),
        PENDING,
        at(now));
  }

  void sent(String id, Instant now) {
    jdbc.update(
        "update notification set status = ?, sent_at = ?, attempts = attempts + 1,"
            + " last_error = null where id = ?",
        SENT,
        at(now),
        id);
  }

  void retryAt(String id, Instant next, String error) {
    jdbc.update(
        "update notification set attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
            + " where id = ?",
        at(next),
        truncate(error),
        id);
  }

  void failed(String id, String error) {
    jdbc.update(
        "update notification set status = ?, attempts = attempts + 1, last_error = ? where id = ?",
        FAILED,
        truncate(error),
        id);
  }

  /** People with messages waiting for a digest. */
  List<String> awaitingDigest() {
    return jdbc.queryForList(
        "select distinct recipient_id from notification where status = ?", String.class, DIGEST);
  }

  /** Locks a person's messages waiting for a digest, skipping any another node holds. */
  List<Notification> lockDigest(String personId) {
    String lock = postgres() ? " for update skip locked" : " for update";
    return jdbc.query(
        "select "
            + COLUMNS
            + " from notification where recipient_id = ? and status = ? order by created_at, id"
            + lock,
        Outbox::notification,
        personId,
        DIGEST);
  }

  void digested(List<Notification> items) {
    for (Notification n : items) {
      jdbc.update("update notification set status = ? where id = ?", DIGESTED, n.id());
    }
  }

  public Delivery delivery(String personId) {
    return deliveries(List.of(personId)).get(personId);
  }

  /** Each person's choice, in one query; {@link Delivery#IMMEDIATE} for whoever made none. */
  Map<String, Delivery> deliveries(Collection<String> personIds) {
    Map<String, Delivery> choices = new HashMap<>();
    for (String id : personIds) {
      choices.put(id, Delivery.IMMEDIATE);
    }
    if (!personIds.isEmpty()) {
      named.query(
          "select person_id, delivery from notification_preference where person_id in (:ids)",
          Map.of("ids", personIds),
          rs -> {
            choices.put(rs.getString(1), Delivery.valueOf(rs.getString(2)));
          });
    }
    return choices;
  }

  public void deliver(String personId, Delivery delivery) {
    if (jdbc.update(
            "update notification_preference set delivery = ? where person_id = ?",
            delivery.name(),
            personId)
        == 0) {
      jdbc.update(
          "insert into notification_preference (person_id, delivery) values (?, ?)",
          personId,
          delivery.name());
    }
  }

  public List<Notification> ofRecipient(String personId, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from notification where recipient_id = ? order by created_at desc, id"
            + " fetch first "
            + limit
            + " rows only",
        Outbox::notification,
        personId);
  }

  /** A page of a person's notifications, newest first. */
  public List<Notification> ofRecipient(String personId, int offset, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from notification where recipient_id = ? order by created_at desc, id"
            + " offset "
            + Math.max(0, offset)
            + " rows fetch first "
            + limit
            + " rows only",
        Outbox::notification,
        personId);
  }

  public long unread(String personId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from notification where recipient_id = ? and read_at is null",
            Long.class,
            personId);
    return n == null ? 0 : n;
  }

  /**
   * Marks one of the person's notifications read; returns its link, or null when not theirs or when
   * it has none (a notification without a link: findFirst() would throw on its null).
   */
  public String markRead(String personId, String id) {
    jdbc.update(
        "update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null",
        at(Instant.now()),
        id,
        personId);
    List<String> links =
        jdbc.queryForList(
            "select link from notification where id = ? and recipient_id = ?",
            String.class,
            id,
            personId);
    return links.isEmpty() ? null : links.get(0);
  }

  public int markAllRead(String personId) {
    return jdbc.update(
        "update notification set read_at = ? where recipient_id = ? and read_at is null",
        at(Instant.now()),
        personId);
  }

  public List<Notification> failed(int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from notification where status = ? order by created_at desc, id fetch first "
            + limit
            + " rows only",
        Outbox::notification,
        FAILED);
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
      postgres = known;
    }
    return known;
  }

  private static Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("recipient_id"),
        rs.getString("email"),
        rs.getString("subject"),
        rs.getString("task_id"),
        rs.getString("link"),
        instant(rs, "created_at"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "sent_at"),
        instant(rs, "read_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
  }

  record Claimed(
      String id,
      String email,
      String subject,
      String text,
      String html,
      int attempts,
      String calendar,
      String calendarMethod) {}
}
