package org.govflow.inbox.internal;

import java.time.Instant;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionRegister;
import org.govflow.documents.Documents;
import org.govflow.inbox.ProcessDetails;
import org.govflow.web.Caller;
import org.govflow.workflow.ProcessHistory;
import org.govflow.workflow.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A process the caller may see: its state, the steps open now, its history, what was decided. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProcessSheet {

  private final TaskAccess access;
  private final Tasks tasks;
  private final TaskRows rows;
  private final Timeline timeline;
  private final Names names;
  private final Documents documents;
  private final DecisionRegister decisions;

  @Transactional(readOnly = true)
  ProcessDetails of(Caller caller, String processInstanceId, Locale locale) {
    ProcessHistory.Instance pi = access.process(caller, processInstanceId);
    Names.Lookup lookup = names.lookup();
    return new ProcessDetails(
        names.summary(pi, locale),
        rows.current(caller, pi.processKey(), tasks.openIn(pi.id()), lookup, locale, Instant.now()),
        timeline.of(pi.id(), lookup, locale),
        tasks.commentsIn(pi.id()).stream().map(lookup::comment).toList(),
        documents.of(caller.participant(), pi.id()),
        decisions.ofProcess(pi.id()));
  }
}
