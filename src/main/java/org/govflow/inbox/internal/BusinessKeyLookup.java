package org.govflow.inbox.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The business keys of many process instances by primary key, in one query. Camunda's
 * ProcessInstanceQuery by ids costs as much as the inbox page itself on 100,000 instances
 * (docs/benchmarks.md); the execution table is part of the engine's documented schema.
 */
@Component
public class BusinessKeyLookup {

  private final NamedParameterJdbcTemplate jdbc;

  BusinessKeyLookup(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Process instance id to business key; instances without one are left out. */
  public Map<String, String> of(Collection<String> processInstanceIds) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (processInstanceIds.isEmpty()) {
      return keys;
    }
    jdbc.query(
        "select ID_, BUSINESS_KEY_ from ACT_RU_EXECUTION"
            + " where ID_ in (:ids) and BUSINESS_KEY_ is not null",
        Map.of("ids", processInstanceIds),
        rs -> {
          keys.put(rs.getString(1), rs.getString(2));
        });
    return keys;
  }
}
