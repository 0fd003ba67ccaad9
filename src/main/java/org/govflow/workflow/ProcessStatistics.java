package org.govflow.workflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures over the engine's runtime and history, read-only, for the leadership dashboard. The
 * engine's query API counts and lists but does not group or take percentiles, so these are plain
 * SQL (portable between PostgreSQL and H2) on the tables Camunda documents; covering indexes for
 * the cycle times are added at start-up (internal {@code HistoryIndexes}).
 */
@Service
public class ProcessStatistics {

  private static final double HOUR_MS = 3_600_000d;

  private final JdbcClient jdbc;
  private final RepositoryService repository;

  /**
   * PostgreSQL computes several percentiles from one sort ({@code percentile_cont(array[...])}); H2
   * takes them one at a time. Measured on 50,000 finished instances (docs/benchmarks.md).
   */
  private final String percentiles;

  private final boolean postgres;

  ProcessStatistics(JdbcClient jdbc, DataSource dataSource, RepositoryService repository) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.postgres = isPostgres(dataSource);
    this.percentiles =
        postgres
            ? "percentile_cont(array[0.5, 0.9]) within group (order by DURATION_) as p"
            : "percentile_cont(0.5) within group (order by DURATION_) as p50,"
                + " percentile_cont(0.9) within group (order by DURATION_) as p90";
  }

  /** A count under a key (process key, body id). */
  public record KeyCount(String key, long count) {}

  /** Process instances waiting at one step. */
  public record StepCount(String processKey, String stepId, String stepName, long count) {}

  /**
   * Durations of finished work in hours: median and 90th percentile.
   *
   * @param stepId null for a whole process
   */
  public record CycleTime(
      String processKey,
      String stepId,
      String stepName,
      long finished,
      double medianHours,
      double p90Hours) {}

  /** Cycle times and the start of the window they cover. */
  public record CycleTimes(Instant since, List<CycleTime> byProcess, List<CycleTime> byStep) {}

  /** An open task coming due. */
  public record Deadline(
      String taskId,
      String taskName,
      String processKey,
      String businessKey,
      String body,
      Instant due,
      String stepId) {}

  /** The name of each deployed process (its latest version), by key; the key when it has none. */
  public Map<String, String> processNames() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(
            Collectors.toMap(
                ProcessDefinition::getKey,
                d -> d.getName() == null ? d.getKey() : d.getName(),
                (a, b) -> a));
  }

  /** Running process instances per process key, most first. */
  public List<KeyCount> runningByProcess() {
    return counts(
        "select d.KEY_ as k, count(*) as n from ACT_RU_EXECUTION e"
            + " join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
            + " where e.ID_ = e.PROC_INST_ID_ group by d.KEY_ order by n desc");
  }

  /** Overdue open tasks by the body they are routed to ("" for tasks routed to a person only). */
  public List<KeyCount> overdueByBody(Instant now) {
    return counts(
        "select coalesce(l.GROUP_ID_, '') as k, count(distinct t.ID_) as n from ACT_RU_TASK t"
            + " left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'"
            + " and l.GROUP_ID_ is not null"
            + " where t.DUE_DATE_ < ? group by coalesce(l.GROUP_ID_, '') order by n desc",
        Timestamp.from(now));
  }

  /** Open user tasks per process and step: where the running processes stand. */
  public List<StepCount> runningByStep() {
    return jdbc.sql(
            "select d.KEY_ as k, t.TASK_DEF_KEY_ as step, max(t.NAME_) as name, count(*) as n"
                + " from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
                + " group by d.KEY_, t.TASK_DEF_KEY_ order by k, n desc")
        .query(
            (rs, i) ->
                new StepCount(
                    rs.getString("k"), rs.getString("step"), rs.getString("name"), rs.getLong("n")))
        .list();
  }

  /** Cycle times of work finished within {@code window} before now, cached for a minute. */
  @Cacheable(cacheNames = "dashboard-cycle-times", key = "#window")
  public CycleTimes cycleTimes(Duration window, Instant now) {
    Instant since = now.minus(window);
    List<CycleTime> byProcess =
        cycleTimes(
            "select PROC_DEF_KEY_ as k, null as step, null as name, count(*) as n, "
                + percentiles
                + " from ACT_HI_PROCINST where END_TIME_ >= ? and DURATION_ is not null"
                + " group by PROC_DEF_KEY_ order by k",
            since);
    List<CycleTime> byStep =
        cycleTimes(
            "select PROC_DEF_KEY_ as k, ACT_ID_ as step, max(ACT_NAME_) as name, count(*) as n, "
                + percentiles
                + " from ACT_HI_ACTINST where ACT_TYPE_ = 'userTask' and END_TIME_ >= ?"
                + " and DURATION_ is not null group by PROC_DEF_KEY_, ACT_ID_ order by k, step",
            since);
    return new CycleTimes(since, byProcess, byStep);
  }

  /** Open tasks due from {@code from} to {@code to}, soonest first, with their first body. */
  public List<Deadline> upcomingDeadlines(Instant from, Instant to, int limit) {
    return jdbc.sql(
            "select t.ID_ as id, t.NAME_ as name, t.TASK_DEF_KEY_ as step, d.KEY_ as k,"
                + " e.BUSINESS_KEY_ as bk, t.DUE_DATE_ as due,"
                + " (select min(l.GROUP_ID_) from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_"
                + " and l.TYPE_ = 'candidate') as body"
                + " from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
                + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
                + " where t.DUE_DATE_ >= ? and t.DUE_DATE_ < ? order by t.DUE_DATE_ limit "
                + limit)
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                new Deadline(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("k"),
                    rs.getString("bk"),
                    rs.getString("body"),
                    rs.getTimestamp("due").toInstant(),
                    rs.getString("step")))
        .list();
  }

  private List<KeyCount> counts(String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query((rs, i) -> new KeyCount(rs.getString("k"), rs.getLong("n")))
        .list();
  }

  private List<CycleTime> cycleTimes(String sql, Instant since) {
    return jdbc.sql(sql)
        .param(Timestamp.from(since))
        .query(
            (rs, i) -> {
              double[] hours = hours(rs);
              return new CycleTime(
                  rs.getString("k"),
                  rs.getString("step"),
                  rs.getString("name"),
                  rs.getLong("n"),
                  hours[0],
                  hours[1]);
            })
        .list();
  }

  /** Median and 90th percentile in hours, from either form of the query. */
  private double[] hours(ResultSet rs) throws SQLException {
    if (postgres) {
      Object[] values = (Object[]) rs.getArray("p").getArray();
      return new double[] {
        ((Number) values[0]).doubleValue() / HOUR_MS, ((Number) values[1]).doubleValue() / HOUR_MS
      };
    }
    return new double[] {rs.getDouble("p50") / HOUR_MS, rs.getDouble("p90") / HOUR_MS};
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database this is: " + e.getMessage(), e);
    }
  }
}
