package org.govflow.inbox.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.Documents;
import org.govflow.forms.Forms;
import org.govflow.inbox.InboxTask;
import org.govflow.inbox.TaskDetails;
import org.govflow.web.Caller;
import org.govflow.workflow.Tasks;
import org.govflow.workflow.Tasks.OpenTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A task with what the person needs to act on it: its form, comments, documents and history. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskSheet {

  private final TaskAccess access;
  private final Tasks tasks;
  private final TaskRows rows;
  private final Timeline timeline;
  private final Names names;
  private final Forms forms;
  private final Documents documents;

  @Transactional(readOnly = true)
  TaskDetails of(Caller caller, String taskId, Locale locale) {
    TaskAccess.Access standing = access.of(caller, taskId);
    OpenTask t = standing.task();
    InboxTask row = rows.describe(caller, List.of(t.row()), locale, Instant.now()).get(0);
    Map<String, Object> variables = new LinkedHashMap<>(tasks.variables(t.id()));
    Map<String, Object> values = new LinkedHashMap<>();
    if (t.formId() != null) {
      forms
          .schema(t.formId())
          .inputs()
          .forEach(
              c -> {
                if (variables.get(c.key()) != null) {
                  values.put(c.key(), variables.get(c.key()));
                }
              });
    }
    Names.Lookup people = names.lookup();
    List<TaskDetails.Member> delegates =
        standing.mayAct()
            ? access.members(standing).stream()
                .filter(id -> !id.equals(caller.personId()))
                .map(id -> new TaskDetails.Member(id, people.person(id)))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList()
            : List.of();
    return new TaskDetails(
        row,
        names
            .steps()
            .description(
                row.processKey(), t.processDefinitionId(), t.stepId(), t.description(), locale),
        t.formId(),
        values,
        variables,
        tasks.comments(t.id()).stream().map(people::comment).toList(),
        // a contributor to a call for items sees their task, not the process's history
        access.participates(caller, t.processInstanceId())
            ? timeline.of(t.processInstanceId(), people, locale)
            : List.of(),
        documents.of(caller.participant(), t.processInstanceId()),
        standing.mayAct(),
        standing.mayClaim(),
        standing.mayUnclaim(),
        delegates);
  }
}
