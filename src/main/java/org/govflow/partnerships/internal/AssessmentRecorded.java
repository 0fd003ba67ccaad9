package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.documents.DocumentVersion;
import org.springframework.stereotype.Component;

/** The focal point's assessment, stored as a document: the Secretary General decides on it. */
@Component("assessmentRecorded")
record AssessmentRecorded(RenewalRecords records) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String person = task.getAssignee();
    DocumentVersion version =
        records.storeText(
            task.getProcessInstanceId(), person, null, "assessment.md", text(task, ASSESSMENT));
    records.assessed(
        task.getProcessInstanceId(), person, text(task, RECOMMENDATION), version.sha256());
    task.getExecution()
        .getProcessInstance()
        .setVariables(
            Map.of(
                "assessmentDocumentId", version.documentId(),
                "assessmentSha256", version.sha256()));
  }
}
