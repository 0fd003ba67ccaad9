package org.govflow.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.govflow.deadlines.EscalationBecameDue;
import org.govflow.decisions.DecisionPublished;
import org.govflow.decisions.DecisionRecorded;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingCancelled;
import org.govflow.meetings.MeetingConvened;
import org.govflow.meetings.MeetingMoved;
import org.govflow.workflow.ProcessEndHooks;
import org.govflow.workflow.ProcessStartHooks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into deliveries, in the transaction where it happened (plain, synchronous
 * listeners, and a process end hook inside the engine's transaction): a change that rolls back
 * leaves no delivery, one that commits leaves them all. Each event has a key that stays the same if
 * it is reported again, so that an endpoint gets it once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookEvents implements ProcessEndHooks, ProcessStartHooks {

  private final WebhookOutbox outbox;

  @EventListener
  void on(DecisionRecorded e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decisionId", e.decisionId());
    data.put("body", e.bodyId());
    data.put("processKey", e.processKey());
    data.put("businessKey", e.businessKey());
    data.put("subject", e.subject());
    data.put("outcome", e.outcome());
    data.put("decidedAt", e.decidedAt().toString());
    data.put("corrects", e.corrects());
    outbox.add(EventKind.DECISION_RECORDED, "decision-recorded-" + e.decisionId(), data);
  }

  @EventListener
  void on(DecisionPublished e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decisionId", e.decisionId());
    data.put("body", e.bodyId());
    data.put("businessKey", e.businessKey());
    data.put("subject", e.subject());
    data.put("outcome", e.outcome());
    data.put("decidedAt", e.decidedAt().toString());
    outbox.add(EventKind.DECISION_PUBLISHED, "decision-published-" + e.decisionId(), data);
  }

  @EventListener
  void on(MeetingConvened e) {
    meeting(EventKind.MEETING_CONVENED, e.meeting(), e.sequence());
  }

  @EventListener
  void on(MeetingMoved e) {
    meeting(EventKind.MEETING_MOVED, e.meeting(), e.sequence());
  }

  @EventListener
  void on(MeetingCancelled e) {
    meeting(EventKind.MEETING_CANCELLED, e.meeting(), e.sequence());
  }

  @EventListener
  void on(EscalationBecameDue e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("taskId", e.task().taskId());
    data.put("processKey", e.task().processKey());
    data.put("taskKey", e.task().taskKey());
    data.put("businessKey", e.task().businessKey());
    data.put("due", e.task().due().toString());
    data.put("workingDaysLate", e.workingDaysLate());
    data.put("bodies", e.task().candidateGroups());
    outbox.add(
        EventKind.TASK_OVERDUE,
        "task-overdue-" + e.task().taskId() + "-" + e.workingDaysLate(),
        data);
  }

  @Override
  public void started(DelegateExecution execution, String processKey) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processInstanceId", execution.getProcessInstanceId());
    data.put("processKey", processKey);
    data.put("businessKey", execution.getProcessBusinessKey());
    outbox.add(
        EventKind.PROCESS_STARTED, "process-started-" + execution.getProcessInstanceId(), data);
  }

  @Override
  public void ended(
      DelegateExecution execution,
      String processKey,
      String endEventId,
      String processName,
      String outcomeName) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processInstanceId", execution.getProcessInstanceId());
    data.put("processKey", processKey);
    data.put("businessKey", execution.getProcessBusinessKey());
    data.put("endEvent", endEventId);
    data.put("cancelled", false);
    outbox.add(EventKind.PROCESS_ENDED, "process-ended-" + execution.getProcessInstanceId(), data);
  }

  /**
   * Ended from outside its model (a meeting called off, an MoU ended): a process ended too, with no
   * end event; the same event key, so that an instance is reported ended once whichever way.
   */
  @Override
  public void cancelled(DelegateExecution execution, String processKey, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processInstanceId", execution.getProcessInstanceId());
    data.put("processKey", processKey);
    data.put("businessKey", execution.getProcessBusinessKey());
    data.put("endEvent", null);
    data.put("cancelled", true);
    data.put("reason", reason);
    outbox.add(EventKind.PROCESS_ENDED, "process-ended-" + execution.getProcessInstanceId(), data);
  }

  private void meeting(EventKind kind, Meeting m, int sequence) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("businessKey", m.businessKey());
    data.put("body", m.bodyId());
    data.put("title", m.title());
    data.put("start", m.start().toString());
    data.put("end", m.end() == null ? null : m.end().toString());
    data.put("timeZone", m.timeZone() == null ? null : m.timeZone().getId());
    data.put("location", m.location());
    data.put("sequence", sequence);
    outbox.add(kind, kind.id + "-" + m.businessKey() + "-" + sequence, data);
  }
}
