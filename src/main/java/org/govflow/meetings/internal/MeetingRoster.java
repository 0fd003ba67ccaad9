package org.govflow.meetings.internal;

import java.util.List;
import org.govflow.meetings.MeetingSettings;
import org.springframework.stereotype.Component;

/**
 * The lists the model's multi-instance steps run over. Read from the directory and the agenda when
 * the step starts, not kept in process variables (a list is no plain variable without Spin).
 */
@Component("meetingRoster")
public record MeetingRoster(AttendanceRoll roll, Agendas agendas, MeetingSettings settings) {

  /** The bodies called for agenda items. */
  public List<String> contributors() {
    return settings.contributors();
  }

  /** The members of the body, each asked to confirm attendance and to review the minutes. */
  public List<String> members(String bodyId) {
    return roll.memberIds(bodyId);
  }

  /** The agenda items to decide, in agenda order. */
  public List<Long> agendaItems(String businessKey) {
    return agendas.agenda(businessKey).stream().map(AgendaItem::id).toList();
  }
}
