package org.govflow.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Open tasks by their due dates: those coming due, for the deadline sweep, and a person's, for
 * their calendar. Candidate groups are read only where asked for ({@link #candidateGroups}).
 */
@Service
public class DueTasks {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  DueTasks(ProcessEngine engine) {
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
  }

  /** A page of the active tasks due before {@code before}, by due date then id. */
  public List<DueTask> dueBefore(Instant before, int first, int max) {
    List<Task> page =
        tasks
            .createTaskQuery()
            .active()
            .dueBefore(Date.from(before))
            .orderByDueDate()
            .asc()
            .orderByTaskId()
            .asc()
            .listPage(first, max);
    Map<String, String> businessKeys = businessKeys(page);
    return page.stream().map(t -> due(t, businessKeys.get(t.getProcessInstanceId()))).toList();
  }

  /** Those of the tasks still open now (not done since they were read). */
  public Set<String> stillOpen(Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Set.of();
    }
    return tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().stream()
        .map(Task::getId)
        .collect(Collectors.toSet());
  }

  /** The bodies a task is routed to, sorted. */
  public List<String> candidateGroups(String taskId) {
    return DueTask.candidateGroups(tasks.getIdentityLinksForTask(taskId));
  }

  /**
   * The active tasks a person may act on (theirs, and their bodies'), due after {@code after},
   * soonest first; without business keys.
   */
  public List<DueTask> ofPerson(
      String personId, Collection<String> bodies, Instant after, int max) {
    var query = tasks.createTaskQuery().active().dueAfter(Date.from(after));
    if (bodies.isEmpty()) {
      query.taskAssignee(personId);
    } else {
      query.or().taskAssignee(personId).taskCandidateGroupIn(List.copyOf(bodies)).endOr();
    }
    return query.orderByDueDate().asc().listPage(0, max).stream().map(t -> due(t, null)).toList();
  }

  private DueTask due(Task task, String businessKey) {
    return new DueTask(
        task.getId(),
        task.getName(),
        // from the engine's cache of deployed definitions
        repository.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
        task.getTaskDefinitionKey(),
        task.getProcessInstanceId(),
        businessKey,
        task.getAssignee(),
        List.of(),
        task.getDueDate().toInstant());
  }

  private Map<String, String> businessKeys(List<Task> page) {
    Set<String> instances =
        page.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> keys = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
        if (instance.getBusinessKey() != null) {
          keys.put(instance.getId(), instance.getBusinessKey());
        }
      }
    }
    return keys;
  }
}
