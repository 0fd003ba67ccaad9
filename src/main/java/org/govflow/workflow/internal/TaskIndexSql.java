package org.govflow.workflow.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.workflow.TaskIndex.Counts;
import org.govflow.workflow.TaskIndex.Query;
import org.govflow.workflow.TaskIndex.Row;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task index's SQL on the engine's documented schema (ACT_RU_TASK, ACT_RU_IDENTITYLINK,
 * ACT_RU_EXECUTION, ACT_RE_PROCDEF). Camunda's TaskQuery for the same tasks ({@code select distinct
 * RES.*} with a left join of the identity links and an {@code or} on the assignee) makes PostgreSQL
 * read and sort every matching task, and six TaskQuery counts cost six full counts; here the bodies
 * are a semi-join, so the page walks GOVFLOW_IDX_TASK_DUE in order and stops after it, and one
 * grouped query sums each filter conditionally (docs/benchmarks.md). A task is the person's when it
 * is assigned to them or has a candidate group among their bodies (assigned to anyone or to
 * nobody); "overdue" is due before now, "week" due after now and before now + 7 days (strict
 * bounds, like TaskQuery's dueBefore and dueAfter).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskIndexSql {

  private static final String MINE = "T.ASSIGNEE_ = :me";
  private static final String OVERDUE = "T.DUE_DATE_ < :now";
  private static final String WEEK = "T.DUE_DATE_ > :now and T.DUE_DATE_ < :week";
  private static final String BY_KEY =
      " join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ and D.KEY_ = :key";

  private final NamedParameterJdbcTemplate jdbc;

  public List<Row> page(Query query, int first, int max) {
    MapSqlParameterSource params = params(query).addValue("first", first).addValue("max", max);
    String inBody =
        "exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_"
            + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (:bodies))";
    StringBuilder sql =
        new StringBuilder(
            "select T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.PROC_DEF_ID_, T.PROC_INST_ID_,"
                + " T.ASSIGNEE_, T.CREATE_TIME_, T.DUE_DATE_ from ACT_RU_TASK T");
    if (params.hasValue("key")) {
      sql.append(BY_KEY);
    }
    sql.append(" where ").append(shown(query, inBody, "(" + MINE + " or " + inBody + ")"));
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

  public Counts counts(Query query) {
    MapSqlParameterSource params = params(query);
    boolean hasBodies = params.hasValue("bodies");
    String inBody = hasBodies ? "G.TASK_ID_ is not null" : "1 = 0";
    StringBuilder sql = new StringBuilder("select count(*)");
    for (String condition : List.of(MINE, inBody, OVERDUE, WEEK, shown(query, inBody, "1 = 1"))) {
      sql.append(", coalesce(sum(case when ").append(condition).append(" then 1 else 0 end), 0)");
    }
    sql.append(" from ACT_RU_TASK T");
    if (hasBodies) {
      // distinct: a task may have several of the person's bodies as candidates
      sql.append(
          " left join (select distinct I.TASK_ID_ from ACT_RU_IDENTITYLINK I"
              + " where I.TYPE_ = 'candidate' and I.TASK_ID_ is not null"
              + " and I.GROUP_ID_ in (:bodies)) G on G.TASK_ID_ = T.ID_");
    }
    if (params.hasValue("key")) {
      sql.append(BY_KEY);
    }
    sql.append(" where (").append(MINE).append(" or ").append(inBody).append(")");
    return jdbc.queryForObject(
        sql.toString(),
        params,
        (rs, row) ->
            new Counts(
                rs.getLong(6),
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5)));
  }

  /** The candidate groups of many open tasks: the engine's API answers only task by task. */
  public Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    if (!taskIds.isEmpty()) {
      jdbc.query(
          "select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK"
              + " where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids)"
              + " order by GROUP_ID_",
          Map.of("ids", taskIds),
          rs -> {
            groups.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
          });
    }
    return groups;
  }

  /**
   * Business keys by primary key: a ProcessInstanceQuery by ids costs as much as the inbox page
   * itself on 100,000 instances (docs/benchmarks.md).
   */
  public Map<String, String> businessKeys(Collection<String> processInstanceIds) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (!processInstanceIds.isEmpty()) {
      jdbc.query(
          "select ID_, BUSINESS_KEY_ from ACT_RU_EXECUTION"
              + " where ID_ in (:ids) and BUSINESS_KEY_ is not null",
          Map.of("ids", processInstanceIds),
          rs -> {
            keys.put(rs.getString(1), rs.getString(2));
          });
    }
    return keys;
  }

  /**
   * Process instance id to its process-level string variables among {@code names}, running or ended
   * (ACT_HI_VARINST, history level full), in one query.
   */
  public Map<String, Map<String, String>> processTexts(
      Collection<String> processInstanceIds, Collection<String> names) {
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    if (!processInstanceIds.isEmpty()) {
      jdbc.query(
          "select PROC_INST_ID_, NAME_, TEXT_ from ACT_HI_VARINST"
              + " where PROC_INST_ID_ in (:ids) and EXECUTION_ID_ = PROC_INST_ID_"
              + " and TASK_ID_ is null and NAME_ in (:names) and TEXT_ is not null",
          Map.of("ids", processInstanceIds, "names", names),
          rs -> {
            texts
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getString(3));
          });
    }
    return texts;
  }

  /** Processes, running or ended, whose business key or title contains {@code text}. */
  public java.util.Set<String> search(String text, int max) {
    String like =
        "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    jdbc.query(
        "select ID_ from ACT_HI_PROCINST where lower(BUSINESS_KEY_) like :q"
            + " union select PROC_INST_ID_ from ACT_HI_VARINST where NAME_ = 'title'"
            + " and EXECUTION_ID_ = PROC_INST_ID_ and lower(TEXT_) like :q",
        Map.of("q", like),
        rs -> {
          if (ids.size() < max) {
            ids.add(rs.getString(1));
          }
        });
    return ids;
  }

  private static MapSqlParameterSource params(Query query) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("me", query.personId())
            .addValue("now", Timestamp.from(query.now()))
            .addValue("week", Timestamp.from(query.now().plus(Duration.ofDays(7))));
    if (!query.bodies().isEmpty()) {
      params.addValue("bodies", List.copyOf(query.bodies()));
    }
    if (query.processKey() != null && !query.processKey().isBlank()) {
      params.addValue("key", query.processKey());
    }
    return params;
  }

  /**
   * The condition of the query's own filter: {@code inBody} says a task has one of the person's
   * bodies as candidate, {@code either} that it is theirs either way.
   */
  private static String shown(Query query, String inBody, String either) {
    String who;
    if ("me".equals(query.assigned()) || query.bodies().isEmpty()) {
      who = "group".equals(query.assigned()) ? "1 = 0" : MINE;
    } else if ("group".equals(query.assigned())) {
      who = inBody;
    } else {
      who = either;
    }
    if ("overdue".equals(query.due())) {
      return "(" + who + ") and " + OVERDUE;
    }
    if ("week".equals(query.due())) {
      return "(" + who + ") and " + WEEK;
    }
    return who;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
