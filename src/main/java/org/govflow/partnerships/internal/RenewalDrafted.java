package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.documents.DocumentVersion;
import org.springframework.stereotype.Component;

/** The renewal's text, stored as the next version of its document. */
@Component("renewalDrafted")
record RenewalDrafted(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String person = Steps.actor(task);
    DocumentVersion v =
        records.storeText(
            task.getProcessInstanceId(),
            person,
            text(task, DOCUMENT_ID),
            "renewal.md",
            text(task, RENEWAL_TEXT));
    keep(task, v);
  }

  static void keep(DelegateTask task, DocumentVersion v) {
    task.getExecution()
        .getProcessInstance()
        .setVariables(
            Map.of(
                DOCUMENT_ID, v.documentId(),
                DOCUMENT_VERSION, v.version(),
                DOCUMENT_SHA256, v.sha256()));
  }
}
