package org.govflow.directory.internal;

import org.govflow.directory.OrganizationFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed organization.yml into one readable line instead of a stack trace. */
class OrganizationFileFailureAnalyzer extends AbstractFailureAnalyzer<OrganizationFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, OrganizationFileException cause) {
    return new FailureAnalysis(
        cause.getMessage(), "Correct the organisation file and start govflow again.", cause);
  }
}
