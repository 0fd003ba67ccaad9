package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.BODY;
import static org.govflow.meetings.internal.MeetingVariables.MEMBERSHIP;
import static org.govflow.meetings.internal.MeetingVariables.PRESENT;
import static org.govflow.meetings.internal.MeetingVariables.QUORUM_MET;
import static org.govflow.meetings.internal.MeetingVariables.QUORUM_REQUIRED;
import static org.govflow.meetings.internal.MeetingVariables.QUORUM_RULE;
import static org.govflow.meetings.internal.MeetingVariables.REPRESENTED;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.RuleTables;
import org.springframework.stereotype.Component;

/**
 * Applies the body's quorum rule (meeting-quorum.dmn) to the count, keeping its result as two plain
 * variables a Cockpit user reads: {@code quorumMet} and {@code quorumRequired}.
 */
@Component("checkQuorum")
class CheckQuorum implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> inputs = new HashMap<>();
    for (String name : new String[] {BODY, PRESENT, REPRESENTED, MEMBERSHIP}) {
      inputs.put(name, execution.getVariable(name));
    }
    Map<String, Object> row = RuleTables.of(execution).row(QUORUM_RULE, inputs);
    Object required = row.get("required");
    execution.setVariable(QUORUM_MET, Boolean.TRUE.equals(row.get("quorumMet")));
    execution.setVariable(
        QUORUM_REQUIRED, required instanceof Number n ? Integer.valueOf(n.intValue()) : null);
  }
}
