package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.number;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Opens a consultation round: it ends at the secretariat's close of business on the last day of the
 * consultation period chosen at launch.
 */
@Component("consultationOpened")
record ConsultationOpened(BusinessCalendar calendar) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int days = number(execution, CONSULTATION_DAYS, 20);
    execution.setVariable(CONSULTATION_ROUND, number(execution, CONSULTATION_ROUND, 0) + 1);
    execution.setVariable(
        CONSULTATION_ENDS,
        Date.from(calendar.closeOf(calendar.dayOf(EngineClock.now()).plusDays(days))));
  }
}
