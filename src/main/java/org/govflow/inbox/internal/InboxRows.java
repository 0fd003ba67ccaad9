package org.govflow.inbox.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One page of the caller's open tasks, soonest due first, in one native query. Camunda's TaskQuery
 * for the same tasks ({@code select distinct RES.*} with a left join of the identity links and an
 * {@code or} on the assignee) makes PostgreSQL read and sort every matching task; here the bodies
 * are a semi-join ({@code exists}), so the plan can walk GOVFLOW_IDX_TASK_DUE in order and stop
 * after the page (docs/benchmarks.md). The tasks are exactly those of the inbox's TaskQuery:
 * assigned to the caller, or with a candidate group among their bodies (assigned to anyone or to
 * nobody), with the same filters; InboxQueryTests compares both.
 */
@Component
public class InboxRows {

  /** The columns of an open task the inbox shows. */
  public record Row(
      String id,
      String name,
      String taskDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String assignee,
      Instant createTime,
      Instant dueDate) {}

  private final NamedParameterJdbcTemplate jdbc;

  InboxRows(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param due {@code overdue}, {@code week} or null
   * @param assigned {@code me}, {@code group} or null
   */
  public List<Row> page(
      String personId,
      Collection<String> bodies,
      String processKey,
      String due,
      String assigned,
      Instant now,
      int first,
      int max) {
    boolean hasBodies = !bodies.isEmpty();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("me", personId)
            .addValue("now", Timestamp.from(now))
            .addValue("week", Timestamp.from(now.plus(Duration.ofDays(7))))
            .addValue("first", first)
            .addValue("max", max);
    String mine = "T.ASSIGNEE_ = :me";
    String inBody =
        "exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_"
            + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (:bodies))";
    if (hasBodies) {
      params.addValue("bodies", List.copyOf(bodies));
    }
    String who;
    if ("me".equals(assigned) || !hasBodies) {
      who = "group".equals(assigned) ? "1 = 0" : mine;
    } else if ("group".equals(assigned)) {
      who = inBody;
    } else {
      who = "(" + mine + " or " + inBody + ")";
    }
    StringBuilder sql =
        new StringBuilder(
            "select T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.PROC_DEF_ID_, T.PROC_INST_ID_,"
                + " T.ASSIGNEE_, T.CREATE_TIME_, T.DUE_DATE_ from ACT_RU_TASK T");
    if (processKey != null && !processKey.isBlank()) {
      sql.append(" join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ and D.KEY_ = :key");
      params.addValue("key", processKey);
    }
    sql.append(" where ").append(who);
    if ("overdue".equals(due)) {
      sql.append(" and T.DUE_DATE_ < :now");
    } else if ("week".equals(due)) {
      sql.append(" and T.DUE_DATE_ > :now and T.DUE_DATE_ < :week");
    }
    // the order of the inbox's TaskQuery (orderByDueDate, orderByTaskCreateTime), on its index
    sql.append(" order by T.DUE_DATE_ asc, T.CREATE_TIME_ asc limit :max offset :first");
    return jdbc.query(
        sql.toString(),
        params,
        (rs, row) ->
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8))));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
