package org.govflow.webhooks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The endpoints and the durable outbox of deliveries. A delivery is added in the caller's
 * transaction (the change it reports), once per event and endpoint; the sender claims due ones,
 * skipping those another node holds.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookOutbox {

  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String FAILED = "failed";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private Boolean postgres;

  record Endpoint(
      String id,
      String url,
      List<String> kinds,
      boolean active,
      Instant createdAt,
      String secret) {}

  record Delivery(
      String id,
      String endpointId,
      String kind,
      String eventKey,
      String payload,
      String status,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant deliveredAt) {}

  String register(String url, String secret, List<String> kinds, String by) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "insert into webhook_endpoint (id, url, secret, kinds, active, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        id,
        url,
        secret,
        String.join(",", kinds),
        true,
        at(clock.instant()),
        by);
    return id;
  }

  boolean deactivate(String id) {
    return jdbc.update("update webhook_endpoint set active = ? where id = ?", false, id) == 1;
  }

  List<Endpoint> endpoints() {
    return jdbc.query(
        "select * from webhook_endpoint order by created_at, id",
        (rs, i) ->
            new Endpoint(
                rs.getString("id"),
                rs.getString("url"),
                Arrays.asList(rs.getString("kinds").split(",")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("secret")));
  }

  Optional<Endpoint> endpoint(String id) {
    return endpoints().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * Adds a delivery of the event to every active endpoint subscribed to its kind, unless one is
   * there already for that event and endpoint.
   */
  void add(EventKind kind, String eventKey, Map<String, Object> data) {
    Instant now = clock.instant();
    for (Endpoint endpoint : endpoints()) {
      if (!endpoint.active() || !endpoint.kinds().contains(kind.id)) {
        continue;
      }
      String id = UUID.randomUUID().toString();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("deliveryId", id);
      body.put("event", kind.id);
      body.put("eventId", eventKey);
      body.put("occurredAt", now.toString());
      body.put("data", data);
      String payload;
      try {
        payload = json.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      Object[] args = {id, endpoint.id(), eventKey, kind.id, payload, at(now), PENDING, at(now)};
      String insert =
          "insert into webhook_delivery (id, endpoint_id, event_key, kind, payload, created_at,"
              + " status, attempts, next_attempt_at) ";
      if (postgres()) {
        jdbc.update(
            insert
                + "values (?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict (endpoint_id, event_key) do nothing",
            args);
      } else {
        jdbc.update(
            insert
                + "select ?, ?, ?, ?, ?, ?, ?, 0, ? from (values (1)) x where not exists"
                + " (select 1 from webhook_delivery where endpoint_id = ? and event_key = ?)",
            id,
            endpoint.id(),
            eventKey,
            kind.id,
            payload,
            at(now),
            PENDING,
            at(now),
            endpoint.id(),
            eventKey);
      }
    }
  }

  /**
   * Locks up to {@code limit} deliveries due, skipping those another node holds; to be called in
   * the transaction that records their outcome.
   */
  List<Delivery> claim(int limit, Instant now) {
    String lock = postgres() ? " for update skip locked" : " for update";
    return jdbc.query(
        "select * from webhook_delivery where status = ? and next_attempt_at <= ?"
            + " order by next_attempt_at, id fetch first "
            + limit
            + " rows only"
            + lock,
        WebhookOutbox::delivery,
        PENDING,
        at(now));
  }

  void delivered(String id, int status, Instant now) {
    jdbc.update(
        "update webhook_delivery set status = ?, attempts = attempts + 1, last_status = ?,"
            + " last_error = null, delivered_at = ? where id = ?",
        DELIVERED,
        status,
        at(now),
        id);
  }

  void failed(String id, Integer status, String error, Instant next, boolean giveUp) {
    jdbc.update(
        "update webhook_delivery set status = ?, attempts = attempts + 1, last_status = ?,"
            + " last_error = ?, next_attempt_at = ? where id = ?",
        giveUp ? FAILED : PENDING,
        status,
        error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
        at(next),
        id);
  }

  List<Delivery> log(String endpointId, int limit) {
    return jdbc.query(
        "select * from webhook_delivery where endpoint_id = ? order by created_at desc, id"
            + " fetch first "
            + limit
            + " rows only",
        WebhookOutbox::delivery,
        endpointId);
  }

  private static Delivery delivery(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    Integer lastStatus = rs.getObject("last_status") == null ? null : rs.getInt("last_status");
    return new Delivery(
        rs.getString("id"),
        rs.getString("endpoint_id"),
        rs.getString("kind"),
        rs.getString("event_key"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("next_attempt_at").toInstant(),
        lastStatus,
        rs.getString("last_error"),
        delivered == null ? null : delivered.toInstant());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
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
}
