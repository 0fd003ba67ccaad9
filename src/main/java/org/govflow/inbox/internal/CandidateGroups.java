package org.govflow.inbox.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate groups (bodies) of many open tasks in one query. Camunda's API only answers per
 * task ({@code getIdentityLinksForTask}), which would cost the inbox one query per row; its
 * identity link table is part of the engine's documented schema.
 */
@Component
public class CandidateGroups {

  private final NamedParameterJdbcTemplate jdbc;

  CandidateGroups(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Task id to its candidate groups, sorted; tasks without any are left out. */
  public Map<String, List<String>> of(Collection<String> taskIds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    if (taskIds.isEmpty()) {
      return groups;
    }
    jdbc.query(
        "select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK"
            + " where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids)"
            + " order by GROUP_ID_",
        Map.of("ids", taskIds),
        rs -> {
          groups.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return groups;
  }
}
