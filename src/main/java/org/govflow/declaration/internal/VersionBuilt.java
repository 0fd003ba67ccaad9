package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.springframework.stereotype.Component;

/**
 * Builds the next version from the round's accepted amendments, and registers the round's
 * dispositions (when there were amendments to dispose of) with the SHA-256 of the version they
 * gave.
 */
@Component("versionBuilt")
record VersionBuilt(DeclarationTexts texts, DeclarationDecisions decisions)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String pid = execution.getProcessInstanceId();
    StoredVersion next = texts.buildNext(pid, SYSTEM);
    execution.setVariable(VERSION_NUMBER, next.number());
    execution.setVariable(VERSION_SHA256, next.text().sha256());
    boolean disposed =
        texts.round(pid).amendments().stream().anyMatch(a -> a.kind() != Amendment.Kind.COMMENT);
    if (disposed) {
      decisions.recordDispositions(pid, number(execution, ROUND, 1), next.text().sha256());
    }
  }
}
