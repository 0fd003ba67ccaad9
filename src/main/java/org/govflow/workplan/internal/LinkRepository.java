package org.govflow.workplan.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Links from work plan actions to what serves them, suggested or confirmed. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LinkRepository {

  record LinkRow(
      long id,
      long actionId,
      String kind,
      String reference,
      boolean confirmed,
      String reason,
      String createdBy,
      Instant createdAt,
      String confirmedBy) {}

  private static final RowMapper<LinkRow> LINK =
      (rs, n) ->
          new LinkRow(
              rs.getLong("id"),
              rs.getLong("action_id"),
              rs.getString("link_kind"),
              rs.getString("reference"),
              "confirmed".equals(rs.getString("state")),
              rs.getString("reason"),
              rs.getString("created_by"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getString("confirmed_by"));

  private final JdbcTemplate jdbc;

  List<LinkRow> ofAction(long actionId) {
    return jdbc.query(
        "select * from workplan_link where action_id = ? order by link_kind, reference",
        LINK,
        actionId);
  }

  List<LinkRow> ofPlan(long planId) {
    return jdbc.query(
        "select l.* from workplan_link l join workplan_action a on a.id = l.action_id"
            + " where a.workplan_id = ? and a.removed_at is null order by a.position, l.id",
        LINK,
        planId);
  }

  Optional<LinkRow> find(long actionId, String kind, String reference) {
    return jdbc
        .query(
            "select * from workplan_link where action_id = ? and link_kind = ? and reference = ?",
            LINK,
            actionId,
            kind,
            reference)
        .stream()
        .findFirst();
  }

  Optional<LinkRow> find(long id) {
    return jdbc.query("select * from workplan_link where id = ?", LINK, id).stream().findFirst();
  }

  void insert(
      long actionId,
      String kind,
      String reference,
      boolean confirmed,
      String reason,
      String by,
      Instant at) {
    jdbc.update(
        "insert into workplan_link (action_id, link_kind, reference, state, reason, created_by,"
            + " created_at, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        actionId,
        kind,
        reference,
        confirmed ? "confirmed" : "suggested",
        reason,
        by,
        Timestamp.from(at),
        confirmed ? by : null,
        confirmed ? Timestamp.from(at) : null);
  }

  void confirm(long id, String by, Instant at) {
    jdbc.update(
        "update workplan_link set state = 'confirmed', confirmed_by = ?, confirmed_at = ?"
            + " where id = ?",
        by,
        Timestamp.from(at),
        id);
  }

  void delete(long id) {
    jdbc.update("delete from workplan_link where id = ?", id);
  }
}
