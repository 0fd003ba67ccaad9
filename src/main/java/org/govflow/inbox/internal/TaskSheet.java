package org.govflow.inbox.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.documents.Documents;
import org.govflow.forms.FormComponent;
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
  private final Directory directory;

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
    if (t.formId() != null) {
      forms.schema(t.formId()).inputs().stream()
          .map(FormComponent::valuesKey)
          .filter(java.util.Objects::nonNull)
          .distinct()
          .forEach(key -> variables.put(key, members(row, variables, key, caller, people)));
    }
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

  /**
   * The options of a person picker ({@link FormComponent#DYNAMIC_OPTIONS}): the members of the
   * process's body by name, the person's id as the value, as form-js reads a {@code valuesKey}.
   */
  private List<Map<String, String>> members(
      InboxTask row,
      Map<String, Object> variables,
      String key,
      Caller caller,
      Names.Lookup people) {
    // the process's body (a meeting's), else the body the task is shown under
    Object body = variables.get("body") instanceof String b ? b : row.body();
    if (body == null) {
      return List.of();
    }
    return directory.membersOf(body.toString()).stream()
        .map(Membership::personId)
        .distinct()
        .filter(id -> !"otherBodyMembers".equals(key) || !id.equals(caller.personId()))
        .map(id -> Map.of("value", id, "label", people.person(id)))
        .sorted(java.util.Comparator.comparing(m -> m.get("label").toLowerCase(Locale.ROOT)))
        .toList();
  }
}
