package org.govflow.inbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.InboxTask;
import org.govflow.inbox.ProcessDetails;
import org.govflow.web.Caller;
import org.govflow.workflow.TaskIndex;
import org.govflow.workflow.Tasks;

/**
 * Open tasks as the inbox and a process page list them, named in the reader's language, with a
 * fixed number of queries whatever the number of tasks.
 */
@org.springframework.stereotype.Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskRows {

  private final TaskIndex index;
  private final Names names;

  /** Inbox rows: one query each for the definitions, business keys and candidate groups. */
  public List<InboxTask> describe(
      Caller caller, List<TaskIndex.Row> found, Locale locale, Instant now) {
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, TaskIndex.Definition> definitions =
        index.definitions(found.stream().map(TaskIndex.Row::processDefinitionId).toList());
    Set<String> instanceIds =
        found.stream()
            .map(TaskIndex.Row::processInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, String> businessKeys = index.businessKeys(instanceIds);
    Map<String, TaskIndex.Subject> subjects = index.subjects(instanceIds);
    Map<String, List<String>> groups =
        index.candidateGroups(found.stream().map(TaskIndex.Row::id).toList());
    Names.Lookup bodies = names.lookup();
    return found.stream()
        .map(
            t -> {
              TaskIndex.Definition definition = definitions.get(t.processDefinitionId());
              String processKey = definition == null ? null : definition.key();
              TaskIndex.Subject subject = subjects.get(t.processInstanceId());
              String body = bodyOf(caller, groups.getOrDefault(t.id(), List.of()));
              if (body == null && subject != null) {
                // a task routed to a person is still done for the process's body
                body = subject.body();
              }
              return new InboxTask(
                  t.id(),
                  names.steps().step(processKey, t.taskDefinitionKey(), t.name(), locale),
                  processKey,
                  definition == null
                      ? null
                      : names.steps().process(processKey, definition.name(), locale),
                  t.processInstanceId(),
                  businessKeys.get(t.processInstanceId()),
                  body,
                  bodies.body(body, locale),
                  t.assignee(),
                  t.createTime(),
                  t.dueDate(),
                  overdue(t.dueDate(), now),
                  subject == null ? null : subject.title(),
                  bodies.person(t.assignee()));
            })
        .toList();
  }

  /** The open steps of a process, soonest due first: who has each and when it is due. */
  public List<ProcessDetails.CurrentStep> current(
      Caller caller,
      String processKey,
      List<Tasks.OpenTask> open,
      Names.Lookup lookup,
      Locale locale,
      Instant now) {
    Map<String, List<String>> groups =
        index.candidateGroups(open.stream().map(Tasks.OpenTask::id).toList());
    return open.stream()
        .map(
            t -> {
              String body = bodyOf(caller, groups.getOrDefault(t.id(), List.of()));
              return new ProcessDetails.CurrentStep(
                  t.id(),
                  names.steps().step(processKey, t.stepId(), t.name(), locale),
                  body,
                  lookup.body(body, locale),
                  t.assignee(),
                  lookup.person(t.assignee()),
                  t.due(),
                  overdue(t.due(), now));
            })
        .toList();
  }

  /** The body a task is shown under: the first of the caller's among its candidates. */
  private static String bodyOf(Caller caller, List<String> groups) {
    return groups.stream()
        .filter(caller.bodies()::contains)
        .findFirst()
        .orElse(groups.isEmpty() ? null : groups.get(0));
  }

  private static boolean overdue(Instant due, Instant now) {
    return due != null && due.isBefore(now);
  }
}
