package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govflow.deadlines.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Opens a consultation round: it ends at the secretariat's close of business on the last day of the
 * consultation period chosen at launch.
 */
@Component("consultationOpened")
public class ConsultationOpened implements JavaDelegate {

  private final BusinessCalendar calendar;

  public ConsultationOpened(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = Actors.intOf(execution.getVariable(CONSULTATION_DAYS), 20);
    execution.setVariable(
        CONSULTATION_ROUND, Actors.intOf(execution.getVariable(CONSULTATION_ROUND), 0) + 1);
    execution.setVariable(
        CONSULTATION_ENDS,
        Date.from(
            calendar.closeOf(
                calendar.dayOf(ClockUtil.getCurrentTime().toInstant()).plusDays(days))));
  }
}
