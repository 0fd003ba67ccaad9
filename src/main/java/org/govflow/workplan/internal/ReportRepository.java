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

/**
 * The quarterly reports of the owner bodies, their lines, and the compiled implementation reports.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportRepository {

  record ReportRow(
      long id,
      String period,
      String bodyId,
      String processInstanceId,
      String state,
      String reportedBy,
      Instant reportedAt,
      String validatedBy,
      String returnComment) {}

  record LineRow(
      long reportId,
      long actionId,
      String period,
      String bodyId,
      String state,
      int progress,
      String proposal,
      int slipDays,
      String done,
      String evidence,
      String status,
      Instant reportedAt) {}

  /**
   * A compiled implementation report: its English HTML (the record, hashed), CSV, figures in no
   * language ({@code data}, JSON; null for reports compiled before it was kept) and, once noted,
   * the register entry.
   */
  record Implementation(
      String period,
      Instant compiledAt,
      String sha256,
      String html,
      String csv,
      String data,
      Long decisionId,
      Instant notedAt) {}

  private static final RowMapper<Implementation> IMPLEMENTATION =
      (rs, n) ->
          new Implementation(
              rs.getString("period"),
              rs.getTimestamp("compiled_at").toInstant(),
              rs.getString("sha256"),
              rs.getString("html"),
              rs.getString("csv"),
              rs.getString("data"),
              rs.getObject("decision_id") == null ? null : rs.getLong("decision_id"),
              rs.getTimestamp("noted_at") == null ? null : rs.getTimestamp("noted_at").toInstant());

  private static final RowMapper<ReportRow> REPORT =
      (rs, n) ->
          new ReportRow(
              rs.getLong("id"),
              rs.getString("period"),
              rs.getString("body_id"),
              rs.getString("process_instance_id"),
              rs.getString("state"),
              rs.getString("reported_by"),
              rs.getTimestamp("reported_at") == null
                  ? null
                  : rs.getTimestamp("reported_at").toInstant(),
              rs.getString("validated_by"),
              rs.getString("return_comment"));

  private static final RowMapper<LineRow> LINE =
      (rs, n) ->
          new LineRow(
              rs.getLong("report_id"),
              rs.getLong("action_id"),
              rs.getString("period"),
              rs.getString("body_id"),
              rs.getString("state"),
              rs.getInt("progress"),
              rs.getString("status_proposal"),
              rs.getInt("milestone_slip_days"),
              rs.getString("done_text"),
              rs.getString("evidence_url"),
              rs.getString("status"),
              rs.getTimestamp("reported_at") == null
                  ? null
                  : rs.getTimestamp("reported_at").toInstant());

  private final JdbcTemplate jdbc;

  Optional<ReportRow> report(long planId, String period, String body) {
    return jdbc
        .query(
            "select * from workplan_report where workplan_id = ? and period = ? and body_id = ?",
            REPORT,
            planId,
            period,
            body)
        .stream()
        .findFirst();
  }

  List<ReportRow> reports(long planId, String period) {
    return jdbc.query(
        "select * from workplan_report where workplan_id = ? and period = ? order by body_id",
        REPORT,
        planId,
        period);
  }

  void open(long planId, String period, String body, String processInstanceId) {
    jdbc.update(
        "insert into workplan_report (workplan_id, period, body_id, process_instance_id, state)"
            + " values (?, ?, ?, ?, 'open')",
        planId,
        period,
        body,
        processInstanceId);
  }

  void state(long reportId, String state) {
    jdbc.update("update workplan_report set state = ? where id = ?", state, reportId);
  }

  void submitted(long reportId, String by, Instant at) {
    jdbc.update(
        "update workplan_report set state = 'submitted', reported_by = ?, reported_at = ?,"
            + " return_comment = null where id = ?",
        by,
        Timestamp.from(at),
        reportId);
    jdbc.update("delete from workplan_report_line where report_id = ?", reportId);
  }

  void line(long reportId, long actionId, ReportLine line) {
    jdbc.update(
        "insert into workplan_report_line (report_id, action_id, progress, status_proposal,"
            + " milestone_slip_days, done_text, evidence_url) values (?, ?, ?, ?, ?, ?, ?)",
        reportId,
        actionId,
        line.progress(),
        line.proposal(),
        line.slipDays(),
        line.done(),
        line.evidence());
  }

  void returned(long reportId, String by, String comment) {
    jdbc.update(
        "update workplan_report set state = 'returned', validated_by = ?, return_comment = ?"
            + " where id = ?",
        by,
        comment,
        reportId);
  }

  void validated(long reportId, String by, Instant at) {
    jdbc.update(
        "update workplan_report set state = 'validated', validated_by = ?, validated_at = ?"
            + " where id = ?",
        by,
        Timestamp.from(at),
        reportId);
  }

  void lineStatus(long reportId, long actionId, String status) {
    jdbc.update(
        "update workplan_report_line set status = ? where report_id = ? and action_id = ?",
        status,
        reportId,
        actionId);
  }

  List<LineRow> lines(long reportId) {
    return jdbc.query(
        "select l.*, r.period, r.body_id, r.state, r.reported_at from workplan_report_line l"
            + " join workplan_report r on r.id = l.report_id where l.report_id = ? order by l.id",
        LINE,
        reportId);
  }

  /** The reports of an action over time, latest period first. */
  List<LineRow> linesOfAction(long actionId) {
    return jdbc.query(
        "select l.*, r.period, r.body_id, r.state, r.reported_at from workplan_report_line l"
            + " join workplan_report r on r.id = l.report_id where l.action_id = ?"
            + " order by r.period desc, l.id desc",
        LINE,
        actionId);
  }

  /** Validated lines of a period, by action. */
  List<LineRow> validatedLines(long planId, String period) {
    return jdbc.query(
        "select l.*, r.period, r.body_id, r.state, r.reported_at from workplan_report_line l"
            + " join workplan_report r on r.id = l.report_id where r.workplan_id = ?"
            + " and r.period = ? and r.state = 'validated'",
        LINE,
        planId,
        period);
  }

  void saveImplementation(
      long planId,
      String period,
      String sha,
      String html,
      String csv,
      String data,
      String processInstanceId,
      Instant at) {
    jdbc.update(
        "delete from workplan_implementation where workplan_id = ? and period = ?", planId, period);
    jdbc.update(
        "insert into workplan_implementation (workplan_id, period, compiled_at, sha256, html, csv,"
            + " data, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
        planId,
        period,
        Timestamp.from(at),
        sha,
        html,
        csv,
        data,
        processInstanceId);
  }

  Optional<Implementation> implementation(long planId, String period) {
    return jdbc
        .query(
            "select * from workplan_implementation where workplan_id = ? and period = ?",
            IMPLEMENTATION,
            planId,
            period)
        .stream()
        .findFirst();
  }

  /** The plan's compiled implementation reports, latest period first. */
  List<Implementation> implementations(long planId) {
    return jdbc.query(
        "select * from workplan_implementation where workplan_id = ? order by period desc",
        IMPLEMENTATION,
        planId);
  }

  void noted(long planId, String period, long decisionId, Instant at) {
    jdbc.update(
        "update workplan_implementation set decision_id = ?, noted_at = ? where workplan_id = ?"
            + " and period = ?",
        decisionId,
        Timestamp.from(at),
        planId,
        period);
  }
}
