package org.govflow.workplan.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The work plans' own tables: plans, sections, actions and the history of each action. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanRepository {

  record PlanRow(
      long id,
      int year,
      String title,
      String sourceName,
      String sha256,
      String importedBy,
      Instant importedAt,
      Instant updatedAt) {}

  record SectionRow(
      String number, String title, String parent, int level, String description, int position) {}

  record ActionRow(
      long id,
      String ref,
      String section,
      ActionKind kind,
      String partner,
      String text,
      int position,
      String ownerBody,
      String focalPoint,
      ActionStatus status,
      int progress) {}

  record HistoryRow(Instant at, String by, String what, String oldValue, String newValue) {}

  private static final RowMapper<PlanRow> PLAN =
      (rs, n) ->
          new PlanRow(
              rs.getLong("id"),
              rs.getInt("plan_year"),
              rs.getString("title"),
              rs.getString("source_name"),
              rs.getString("source_sha256"),
              rs.getString("imported_by"),
              rs.getTimestamp("imported_at").toInstant(),
              rs.getTimestamp("updated_at").toInstant());

  private static final RowMapper<SectionRow> SECTION =
      (rs, n) ->
          new SectionRow(
              rs.getString("number"),
              rs.getString("title"),
              rs.getString("parent_number"),
              rs.getInt("level"),
              rs.getString("description"),
              rs.getInt("position"));

  private static final RowMapper<ActionRow> ACTION =
      (rs, n) ->
          new ActionRow(
              rs.getLong("id"),
              rs.getString("ref"),
              rs.getString("section_number"),
              ActionKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
              rs.getString("partner"),
              rs.getString("action_text"),
              rs.getInt("position"),
              rs.getString("owner_body"),
              rs.getString("focal_point"),
              ActionStatus.of(rs.getString("status")).orElse(ActionStatus.NOT_STARTED),
              rs.getInt("progress"));

  private final JdbcTemplate jdbc;

  Optional<PlanRow> plan(int year) {
    return jdbc.query("select * from workplan where plan_year = ?", PLAN, year).stream()
        .findFirst();
  }

  List<PlanRow> plans() {
    return jdbc.query("select * from workplan order by plan_year desc", PLAN);
  }

  long insertPlan(int year, String title, String sourceName, String sha256, String by, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into workplan (plan_year, title, source_name, source_sha256, imported_by,"
                      + " imported_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setInt(1, year);
          ps.setString(2, title);
          ps.setString(3, sourceName);
          ps.setString(4, sha256);
          ps.setString(5, by);
          ps.setTimestamp(6, Timestamp.from(at));
          ps.setTimestamp(7, Timestamp.from(at));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  void updatePlan(long id, String title, String sourceName, String sha256, String by, Instant at) {
    jdbc.update(
        "update workplan set title = ?, source_name = ?, source_sha256 = ?, imported_by = ?,"
            + " updated_at = ? where id = ?",
        title,
        sourceName,
        sha256,
        by,
        Timestamp.from(at),
        id);
  }

  void replaceSections(long planId, List<PlanSection> sections) {
    jdbc.update("delete from workplan_section where workplan_id = ?", planId);
    jdbc.batchUpdate(
        "insert into workplan_section (workplan_id, number, title, parent_number, level,"
            + " description, position) values (?, ?, ?, ?, ?, ?, ?)",
        sections,
        100,
        (ps, s) -> {
          ps.setLong(1, planId);
          ps.setString(2, s.number());
          ps.setString(3, s.title());
          ps.setString(4, s.parent());
          ps.setInt(5, s.level());
          ps.setString(6, s.description());
          ps.setInt(7, sections.indexOf(s));
        });
  }

  List<SectionRow> sections(long planId) {
    return jdbc.query(
        "select * from workplan_section where workplan_id = ? order by position", SECTION, planId);
  }

  /** The actions still in the plan, in the plan's order. */
  List<ActionRow> actions(long planId) {
    return jdbc.query(
        "select * from workplan_action where workplan_id = ? and removed_at is null order by"
            + " position",
        ACTION,
        planId);
  }

  Optional<ActionRow> action(long planId, String ref) {
    return jdbc
        .query(
            "select * from workplan_action where workplan_id = ? and ref = ? and removed_at is null",
            ACTION,
            planId,
            ref)
        .stream()
        .findFirst();
  }

  long insertAction(long planId, PlanAction a, int position, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into workplan_action (workplan_id, ref, section_number, kind, partner,"
                      + " action_text, position, owner_body, status, progress, created_at,"
                      + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, planId);
          ps.setString(2, a.ref());
          ps.setString(3, a.section());
          ps.setString(4, a.kind().code());
          ps.setString(5, a.partner());
          ps.setString(6, a.text());
          ps.setInt(7, position);
          ps.setString(8, a.ownerBody());
          ps.setString(9, ActionStatus.NOT_STARTED.code());
          ps.setTimestamp(10, Timestamp.from(at));
          ps.setTimestamp(11, Timestamp.from(at));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  void updateImported(long id, PlanAction a, int position, Instant at) {
    jdbc.update(
        "update workplan_action set ref = ?, section_number = ?, kind = ?, partner = ?,"
            + " action_text = ?, position = ?, updated_at = ? where id = ?",
        a.ref(),
        a.section(),
        a.kind().code(),
        a.partner(),
        a.text(),
        position,
        Timestamp.from(at),
        id);
  }

  void markRemoved(long id, Instant at) {
    jdbc.update(
        "update workplan_action set removed_at = ?, updated_at = ? where id = ?",
        Timestamp.from(at),
        Timestamp.from(at),
        id);
  }

  void setOwner(long id, String body, String focalPoint, Instant at) {
    jdbc.update(
        "update workplan_action set owner_body = ?, focal_point = ?, updated_at = ? where id = ?",
        body,
        focalPoint,
        Timestamp.from(at),
        id);
  }

  void setStatus(long id, ActionStatus status, int progress, Instant at) {
    jdbc.update(
        "update workplan_action set status = ?, progress = ?, updated_at = ? where id = ?",
        status.code(),
        progress,
        Timestamp.from(at),
        id);
  }

  void history(
      long actionId, String by, String what, String oldValue, String newValue, Instant at) {
    jdbc.update(
        "insert into workplan_action_history (action_id, changed_at, changed_by, what, old_value,"
            + " new_value) values (?, ?, ?, ?, ?, ?)",
        actionId,
        Timestamp.from(at),
        by,
        what,
        oldValue,
        newValue);
  }

  List<HistoryRow> history(long actionId) {
    return jdbc.query(
        "select * from workplan_action_history where action_id = ? order by changed_at, id",
        (rs, n) ->
            new HistoryRow(
                rs.getTimestamp("changed_at").toInstant(),
                rs.getString("changed_by"),
                rs.getString("what"),
                rs.getString("old_value"),
                rs.getString("new_value")),
        actionId);
  }
}
