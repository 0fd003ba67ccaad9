package org.govflow.inbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.TaskDetails;
import org.govflow.workflow.ProcessHistory;
import org.springframework.stereotype.Component;

/** What happened so far in a process, as its task and process pages show it: no gateways. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Timeline {

  private static final Set<String> SKIPPED =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "multiInstanceBody");

  private final ProcessHistory history;

  public List<TaskDetails.Step> of(String processInstanceId, Names.Lookup people, Locale locale) {
    return history.steps(processInstanceId, locale).stream()
        .filter(a -> !SKIPPED.contains(a.type()))
        .map(
            a ->
                new TaskDetails.Step(
                    a.activityId(),
                    a.name(),
                    a.type(),
                    a.assignee(),
                    people.person(a.assignee()),
                    a.started(),
                    a.ended()))
        .toList();
  }
}
