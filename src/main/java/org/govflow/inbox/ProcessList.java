package org.govflow.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.internal.Names;
import org.govflow.inbox.internal.SubmissionCheck;
import org.govflow.web.Caller;
import org.govflow.workflow.ProcessHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processes the caller may see, the latest started first: all for the secretariat and
 * leadership, else those they started or had a task of, in person or through a body.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProcessList {

  private static final int MOST = 500;

  private final ProcessHistory history;
  private final Names names;
  private final org.govflow.workflow.TaskIndex index;

  /**
   * @param processKey only this process's instances, or null or blank for all
   * @param state {@code active}, {@code completed}, or null or blank for both
   */
  @Transactional(readOnly = true)
  public List<ProcessSummary> processes(
      Caller caller, String processKey, String state, Locale locale) {
    ProcessHistory.State chosen = state(state, locale);
    Set<String> among = null;
    if (!caller.overseesAll()) {
      among = history.involving(caller.participant());
      if (among.isEmpty()) {
        return List.of();
      }
    }
    String key = processKey == null || processKey.isBlank() ? null : processKey;
    return names.summaries(history.instances(key, chosen, among, MOST), locale);
  }

  /**
   * The processes the caller may see whose business key or title contains {@code text}, newest
   * first: recommendations, meetings, document approvals alike.
   */
  @Transactional(readOnly = true)
  public List<ProcessSummary> search(Caller caller, String text, Locale locale) {
    Set<String> found = new java.util.HashSet<>(index.search(text, 500));
    if (!caller.overseesAll()) {
      found.retainAll(history.involving(caller.participant()));
    }
    if (found.isEmpty()) {
      return List.of();
    }
    return names.summaries(history.instances(null, null, found, 50), locale);
  }

  private ProcessHistory.State state(String state, Locale locale) {
    if (state == null || state.isBlank()) {
      return null;
    }
    return switch (state) {
      case "active" -> ProcessHistory.State.ACTIVE;
      case "completed" -> ProcessHistory.State.COMPLETED;
      default ->
          throw SubmissionCheck.invalid("state", names.message("inbox.problem.state", locale));
    };
  }
}
