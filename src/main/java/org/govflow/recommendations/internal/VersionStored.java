package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;
import static org.govflow.recommendations.internal.StepVariables.text;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.documents.DocumentVersion;
import org.govflow.recommendations.internal.RecommendationRecords.Launched;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/**
 * Stores the text just written (the draft at launch, a revision, the consolidated text) as the
 * recommendation's next version, and keeps only its document id, version and SHA-256 on the
 * process: the text itself is the documents module's. A new version is reviewed afresh.
 */
@Component("versionStored")
record VersionStored(RecommendationRecords records) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    DocumentVersion version =
        records.storeVersion(
            new Launched(
                execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(),
                text(execution, COUNCIL),
                text(execution, TITLE),
                text(execution, SUMMARY)),
            Objects.requireNonNullElse(Actors.current(execution), text(execution, INITIATOR)),
            text(execution, DOCUMENT));
    execution.removeVariable(DOCUMENT);
    execution.setVariables(
        Map.of(
            DOCUMENT_ID, version.documentId(),
            DOCUMENT_VERSION, version.version(),
            DOCUMENT_SHA256, version.sha256(),
            CHANGES_REQUESTED, false));
  }
}
