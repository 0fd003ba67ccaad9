package org.govflow.workplan.internal;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.workplan.WorkPlanAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The reads behind {@link org.govflow.workplan.WorkPlanActions}. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActionQueries {

  private static final String SELECT =
      "select a.id, w.plan_year, a.ref, a.partner, a.action_text, a.owner_body"
          + " from workplan_action a join workplan w on w.id = a.workplan_id"
          + " where a.removed_at is null";

  private static final RowMapper<WorkPlanAction> ACTION =
      (rs, n) ->
          new WorkPlanAction(
              rs.getLong("id"),
              rs.getInt("plan_year"),
              rs.getString("ref"),
              rs.getString("partner"),
              rs.getString("action_text").replace("**", ""),
              rs.getString("owner_body"));

  private final JdbcTemplate jdbc;

  public List<WorkPlanAction> all() {
    return jdbc.query(SELECT + " order by w.plan_year desc, a.position", ACTION);
  }

  public Optional<WorkPlanAction> find(long id) {
    return jdbc.query(SELECT + " and a.id = ?", ACTION, id).stream().findFirst();
  }
}
