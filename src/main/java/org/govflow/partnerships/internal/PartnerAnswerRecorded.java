package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.number;
import static org.govflow.partnerships.internal.Steps.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.documents.DocumentVersion;
import org.springframework.stereotype.Component;

/**
 * The partner's answer in a negotiation round; a counter-proposal becomes the renewal's next
 * version, which the next round negotiates.
 */
@Component("partnerAnswerRecorded")
record PartnerAnswerRecorded(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String person = Steps.actor(task);
    int round = number(task, NEGOTIATION_ROUND, 0) + 1;
    String answer = text(task, PARTNER_ANSWER);
    records.partnerAnswered(task.getProcessInstanceId(), person, answer, round);
    var process = task.getExecution().getProcessInstance();
    process.setVariable(NEGOTIATION_ROUND, round);
    process.setVariable(NEXT_ROUND, round + 1);
    String counter = text(task, COUNTER_PROPOSAL);
    if ("counter-proposal".equals(answer) && counter != null && !counter.isBlank()) {
      DocumentVersion v =
          records.storeText(
              task.getProcessInstanceId(), person, text(task, DOCUMENT_ID), "renewal.md", counter);
      process.setVariable(RENEWAL_TEXT, counter);
      RenewalDrafted.keep(task, v);
    }
  }
}
