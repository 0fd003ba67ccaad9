package org.govflow.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RepositoryService;
import org.govflow.workflow.internal.TaskIndexSql;
import org.springframework.stereotype.Service;

/**
 * The open tasks of a person and their bodies, read the fast way: one page of rows walking the
 * due-date index, every filter's count in one grouped query, and the candidate groups, business
 * keys and process definitions of many tasks in one query each (docs/benchmarks.md). The tasks are
 * exactly those of the engine's TaskQuery for the same person (InboxQueryTests compares both).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TaskIndex {

  /**
   * Whose tasks, filtered how.
   *
   * @param processKey only tasks of this process definition key, or null for every process
   * @param due {@code overdue}, {@code week} (due after now, within seven days) or null
   * @param assigned {@code me} (assigned to the person), {@code group} (their bodies') or null
   */
  public record Query(
      String personId,
      Collection<String> bodies,
      String processKey,
      String due,
      String assigned,
      Instant now) {}

  /** The columns of an open task the inbox shows. */
  public record Row(
      String id,
      String name,
      String taskDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String assignee,
      Instant createTime,
      Instant dueDate) {}

  /** The counts of a query: {@code total} for its filter, the others for each filter alone. */
  public record Counts(long total, long all, long mine, long group, long overdue, long week) {}

  /** A deployed process definition: its key and its model's name (null when it has none). */
  public record Definition(String key, String name) {}

  private final TaskIndexSql sql;
  private final RepositoryService repository;
  // a deployed definition never changes, so every node may keep its own copy
  private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

  /** The query's tasks from {@code first}, at most {@code max}, soonest due first. */
  public List<Row> page(Query query, int first, int max) {
    return sql.page(query, first, max);
  }

  public Counts counts(Query query) {
    return sql.counts(query);
  }

  /** Task id to its candidate groups, sorted; tasks without any are left out. */
  public Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
    return sql.candidateGroups(taskIds);
  }

  /** Process instance id to business key, for running instances; those without are left out. */
  public Map<String, String> businessKeys(Collection<String> processInstanceIds) {
    return sql.businessKeys(processInstanceIds);
  }

  /**
   * What a process is about, as its rows and headings show it: the {@code title} its launcher
   * typed, and the body it is for (the variable {@code body}, {@code council} or {@code
   * approvingBody}, in that order), either null when the process has none.
   */
  public record Subject(String title, String body) {}

  /** The process-level variables a process's subject is read from, by convention. */
  public static final List<String> SUBJECT_VARIABLES =
      List.of("title", "body", "council", "approvingBody");

  /** Process instance id to its subject, running or ended, in one query. */
  public Map<String, Subject> subjects(Collection<String> processInstanceIds) {
    Map<String, Subject> subjects = new java.util.HashMap<>();
    sql.processTexts(
            processInstanceIds.stream().filter(Objects::nonNull).collect(Collectors.toSet()),
            SUBJECT_VARIABLES)
        .forEach(
            (id, texts) -> {
              String body =
                  SUBJECT_VARIABLES.stream()
                      .skip(1)
                      .map(texts::get)
                      .filter(Objects::nonNull)
                      .findFirst()
                      .orElse(null);
              subjects.put(id, new Subject(texts.get("title"), body));
            });
    return subjects;
  }

  /**
   * Processes, running or ended, whose business key or title (the process variable {@code title})
   * contains {@code text}, ignoring case; at most {@code max}.
   */
  public Set<String> search(String text, int max) {
    return text == null || text.isBlank() ? Set.of() : sql.search(text.strip(), max);
  }

  /** The definitions by id, from the cache: only ids not seen yet are queried, in one query. */
  public Map<String, Definition> definitions(Collection<String> definitionIds) {
    Set<String> missing =
        definitionIds.stream()
            .filter(Objects::nonNull)
            .filter(id -> !definitions.containsKey(id))
            .collect(Collectors.toSet());
    if (!missing.isEmpty()) {
      repository
          .createProcessDefinitionQuery()
          .processDefinitionIdIn(missing.toArray(String[]::new))
          .list()
          .forEach(d -> definitions.put(d.getId(), new Definition(d.getKey(), d.getName())));
    }
    return definitions;
  }
}
