package org.govflow.inbox.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.govflow.workflow.ProcessHistory;
import org.govflow.workflow.TaskIndex;
import org.govflow.workflow.Tasks;
import org.govflow.workflow.Tasks.OpenTask;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The open tasks of a process that the person reading a page may act on or claim, for the pages'
 * "Where it stands" and "Open steps" to link to them: {@code ${@openTasks.actionable(pid)}} in a
 * template. Anyone else sees where the process stands without a link that would only refuse them.
 */
@Component("openTasks")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OpenTaskLinks {

  private final Tasks tasks;
  private final TaskIndex index;
  private final ProcessHistory history;

  /** The ids of the process's open tasks the reader may act on, soonest due first. */
  public Set<String> actionable(String processInstanceId) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (processInstanceId == null
        || auth == null
        || !auth.isAuthenticated()
        || auth instanceof AnonymousAuthenticationToken) {
      return Set.of();
    }
    Caller caller = Caller.of(auth);
    List<OpenTask> open = tasks.openIn(processInstanceId);
    Map<String, List<String>> groups =
        index.candidateGroups(open.stream().map(OpenTask::id).toList());
    Set<String> mine = new LinkedHashSet<>();
    for (OpenTask t : open) {
      boolean member =
          groups.getOrDefault(t.id(), List.of()).stream().anyMatch(caller.bodies()::contains);
      if (caller.personId().equals(t.assignee()) || (t.assignee() == null && member)) {
        mine.add(t.id());
      }
    }
    return mine;
  }

  /** The first of them, or null: where "Where it stands" takes the reader. */
  public String first(String processInstanceId) {
    return actionable(processInstanceId).stream().findFirst().orElse(null);
  }

  /** The same for a process found by its type and business key (a declaration's page). */
  public String first(String processKey, String businessKey) {
    return history.byBusinessKey(processKey, businessKey).map(pi -> first(pi.id())).orElse(null);
  }
}
