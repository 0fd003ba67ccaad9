package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.documents.DocumentVersion;
import org.govflow.recommendations.RecommendationManagement;
import org.springframework.stereotype.Component;

/**
 * Stores the text just written (the draft at launch, a revision, the consolidated text) as the
 * recommendation's next version; a new version is reviewed afresh.
 */
@Component("versionStored")
public class VersionStored implements JavaDelegate {

  private final RecommendationManagement recommendations;

  public VersionStored(RecommendationManagement recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String author = Actors.current(execution);
    DocumentVersion version =
        recommendations.storeVersion(
            new RecommendationManagement.Launched(
                execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(),
                (String) execution.getVariable(COUNCIL),
                (String) execution.getVariable(TITLE),
                (String) execution.getVariable(SUMMARY)),
            author != null ? author : (String) execution.getVariable(INITIATOR),
            (String) execution.getVariable(DOCUMENT));
    execution.setVariable(DOCUMENT_ID, version.documentId());
    execution.setVariable(DOCUMENT_VERSION, version.version());
    execution.setVariable(DOCUMENT_SHA256, version.sha256());
    execution.setVariable(CHANGES_REQUESTED, false);
  }
}
