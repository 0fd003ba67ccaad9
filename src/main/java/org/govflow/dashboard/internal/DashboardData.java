package org.govflow.dashboard.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.govflow.dashboard.DashboardSnapshot.CycleTime;
import org.govflow.dashboard.DashboardSnapshot.Deadline;
import org.govflow.dashboard.DashboardSnapshot.StepCount;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregations over Camunda's runtime and history tables, read-only. The engine's query API counts
 * and lists but does not group or take percentiles, so these are plain SQL (portable between
 * PostgreSQL and H2) on the tables Camunda documents.
 */
@Repository
public class DashboardData {

  private static final double HOUR_MS = 3_600_000d;

  private final JdbcClient jdbc;

  /**
   * PostgreSQL computes several percentiles from one sort ({@code percentile_cont(array[...])}); H2
   * takes them one at a time. Measured on 50,000 finished instances (docs/benchmarks.md).
   */
  private final String percentiles;

  private final boolean postgres;

  DashboardData(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = isPostgres(dataSource);
    this.percentiles =
        postgres
            ? "percentile_cont(array[0.5, 0.9]) within group (order by DURATION_) as p"
            : "percentile_cont(0.5) within group (order by DURATION_) as p50,"
                + " percentile_cont(0.9) within group (order by DURATION_) as p90";
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database this is: " + e.getMessage(), e);
    }
  }

  /** Median and 90th percentile in hours, from either form of the query. */
  private Percentiles hours(ResultSet rs) throws SQLException {
    if (postgres) {
      Object[] values = (Object[]) rs.getArray("p").getArray();
      return new Percentiles(
          ((Number) values[0]).doubleValue() / HOUR_MS,
          ((Number) values[1]).doubleValue() / HOUR_MS);
    }
    return new Percentiles(rs.getDouble("p50") / HOUR_MS, rs.getDouble("p90") / HOUR_MS);
  }

  record Percentiles(double median, double p90) {}

  public List<KeyCount> runningByProcess() {
    return jdbc.sql(
            "select d.KEY_ as k, count(*) as n from ACT_RU_EXECUTION e"
                + " join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                + " where e.ID_ = e.PROC_INST_ID_ group by d.KEY_ order by n desc")
        .query((rs, i) -> new KeyCount(rs.getString("k"), rs.getLong("n")))
        .list();
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

  /** Overdue open tasks by the body they are routed to ("" for tasks routed to a person only). */
  public List<KeyCount> overdueByBody(Instant now) {
    return jdbc.sql(
            "select coalesce(l.GROUP_ID_, '') as k, count(distinct t.ID_) as n from ACT_RU_TASK t"
                + " left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'"
                + " and l.GROUP_ID_ is not null"
                + " where t.DUE_DATE_ < ? group by coalesce(l.GROUP_ID_, '') order by n desc")
        .param(Timestamp.from(now))
        .query((rs, i) -> new KeyCount(rs.getString("k"), rs.getLong("n")))
        .list();
  }

  /** Cycle times of work finished within {@code window} before now, cached for a minute. */
  @Cacheable(cacheNames = "dashboard-cycle-times", key = "#window")
  public CycleTimes cycleTimes(Duration window, Instant now) {
    Instant since = now.minus(window);
    return new CycleTimes(since, cycleTimeByProcess(since), cycleTimeByStep(since));
  }

  /** Cycle times and the start of the window they cover. */
  public record CycleTimes(Instant since, List<CycleTime> byProcess, List<CycleTime> byStep) {}

  public List<CycleTime> cycleTimeByProcess(Instant since) {
    return jdbc.sql(
            "select PROC_DEF_KEY_ as k, count(*) as n, "
                + percentiles
                + " from ACT_HI_PROCINST where END_TIME_ >= ? and DURATION_ is not null"
                + " group by PROC_DEF_KEY_ order by k")
        .param(Timestamp.from(since))
        .query(
            (rs, i) -> {
              Percentiles p = hours(rs);
              return new CycleTime(
                  rs.getString("k"), null, null, rs.getLong("n"), p.median(), p.p90());
            })
        .list();
  }

  public List<CycleTime> cycleTimeByStep(Instant since) {
    return jdbc.sql(
            "select PROC_DEF_KEY_ as k, ACT_ID_ as step, max(ACT_NAME_) as name, count(*) as n, "
                + percentiles
                + " from ACT_HI_ACTINST where ACT_TYPE_ = 'userTask' and END_TIME_ >= ?"
                + " and DURATION_ is not null group by PROC_DEF_KEY_, ACT_ID_ order by k, step")
        .param(Timestamp.from(since))
        .query(
            (rs, i) -> {
              Percentiles p = hours(rs);
              return new CycleTime(
                  rs.getString("k"),
                  rs.getString("step"),
                  rs.getString("name"),
                  rs.getLong("n"),
                  p.median(),
                  p.p90());
            })
        .list();
  }

  public List<Deadline> upcomingDeadlines(Instant from, Instant to, int limit) {
    return jdbc.sql(
            "select t.ID_ as id, t.NAME_ as name, d.KEY_ as k, e.BUSINESS_KEY_ as bk, t.DUE_DATE_ as due,"
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
                    rs.getTimestamp("due").toInstant()))
        .list();
  }

  public record KeyCount(String key, long count) {}
}
