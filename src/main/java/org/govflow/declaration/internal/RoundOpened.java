package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Opens a round of amendments on the current version: it ends at the secretariat's close of
 * business on the last day of the round length chosen at launch.
 */
@Component("roundOpened")
record RoundOpened(DeclarationTexts texts, BusinessCalendar calendar) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int round = number(execution, ROUND, 0) + 1;
    int days = number(execution, ROUND_DAYS, 21);
    Instant ends = calendar.closeOf(calendar.dayOf(EngineClock.now()).plusDays(days));
    texts.stage(execution.getProcessInstanceId(), Stage.DRAFTING);
    texts.openRound(execution.getProcessInstanceId(), round, ends);
    execution.setVariable(ROUND, round);
    execution.setVariable(ROUND_ENDS, Date.from(ends));
  }
}
