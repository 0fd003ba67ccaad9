package org.govflow.workplan;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.workplan.internal.ActionQueries;
import org.springframework.stereotype.Service;

/**
 * What other modules read of the work plans' actions: every member reads the work plan, so every
 * action still in a plan is theirs to cite (a focal point linking the actions done with a partner).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkPlanActions {

  private final ActionQueries queries;

  /** Every action still in a plan, newest plan first, in the plan's order. */
  public List<WorkPlanAction> all() {
    return queries.all();
  }

  public Optional<WorkPlanAction> find(long id) {
    return queries.find(id);
  }
}
