package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;
import static org.govflow.partnerships.internal.Steps.text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.documents.DocumentVersion;
import org.springframework.stereotype.Component;

/**
 * The focal point's assessment, stored as a document with the items it cites (work plan actions,
 * meetings, decisions): the Secretary General decides on it and reads them by title.
 */
@Component("assessmentRecorded")
record AssessmentRecorded(RenewalRecords records) implements TaskListener {

  /** What a list shows when the assessment cites nothing of that kind. */
  static final String NONE = "—";

  @Override
  public void notify(DelegateTask task) {
    String person = task.getAssignee();
    List<AssessmentLink> links =
        records.assessmentLinks(
            task.getProcessInstanceId(), person, task.getVariable(ASSESSMENT_LINKS));
    DocumentVersion version =
        records.storeText(
            task.getProcessInstanceId(), person, null, "assessment.md", text(task, ASSESSMENT));
    records.assessed(
        task.getProcessInstanceId(), person, text(task, RECOMMENDATION), version.sha256());
    task.getExecution()
        .getProcessInstance()
        .setVariables(
            Map.of(
                "assessmentDocumentId",
                version.documentId(),
                "assessmentSha256",
                version.sha256(),
                LINKED_ACTIONS,
                titles(links, AssessmentLink.ACTION),
                LINKED_MEETINGS,
                titles(links, AssessmentLink.MEETING),
                LINKED_DECISIONS,
                titles(links, AssessmentLink.DECISION)));
  }

  /** The titles of one kind, as the decision's form shows them. */
  static String titles(List<AssessmentLink> links, String kind) {
    String titles =
        links.stream()
            .filter(l -> l.kind().equals(kind))
            .map(AssessmentLink::title)
            .collect(Collectors.joining("\n\n"));
    return titles.isEmpty() ? NONE : titles;
  }
}
