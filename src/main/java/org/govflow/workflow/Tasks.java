package org.govflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Open user tasks and acting on them as a person: claiming, handing over, completing, commenting.
 * Every action runs authenticated as that person, so the history and the comments name them; a task
 * that someone else took or that changed meanwhile is a {@link Conflict}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Tasks {

  /**
   * An open task.
   *
   * @param stepId the task's id in the model (its task definition key)
   * @param formId the key of its Camunda form, or null
   */
  public record OpenTask(
      String id,
      String name,
      String description,
      String stepId,
      String processDefinitionId,
      String processInstanceId,
      String assignee,
      String owner,
      Instant created,
      Instant due,
      String formId) {

    /** The task as the task index reads it. */
    public TaskIndex.Row row() {
      return new TaskIndex.Row(
          id, name, stepId, processDefinitionId, processInstanceId, assignee, created, due);
    }
  }

  /** A comment on a task. */
  public record Comment(String id, String author, Instant time, String text) {}

  /** The task was taken by someone else ({@link #claimedBy}), or changed or ended meanwhile. */
  public static final class Conflict extends RuntimeException {
    private final boolean claimed;
    private final String claimedBy;

    Conflict(boolean claimed, String claimedBy, Throwable cause) {
      super(cause);
      this.claimed = claimed;
      this.claimedBy = claimedBy;
    }

    /** Whether someone else took the task first. */
    public boolean claimed() {
      return claimed;
    }

    /** Who took it, when known. */
    public String claimedBy() {
      return claimedBy;
    }
  }

  private final TaskService tasks;
  private final IdentityService identity;

  public Optional<OpenTask> open(String taskId) {
    return Optional.ofNullable(
            tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult())
        .map(Tasks::open);
  }

  /** The open tasks of a process, soonest due first. */
  public List<OpenTask> openIn(String processInstanceId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .initializeFormKeys()
        .orderByDueDate()
        .asc()
        .list()
        .stream()
        .map(Tasks::open)
        .toList();
  }

  /** The variables a task sees: its own and its process's. */
  public Map<String, Object> variables(String taskId) {
    return tasks.getVariables(taskId);
  }

  public List<Comment> comments(String taskId) {
    return tasks.getTaskComments(taskId).stream().map(Tasks::comment).toList();
  }

  /** Every comment on the process's tasks. */
  public List<Comment> commentsIn(String processInstanceId) {
    return tasks.getProcessInstanceComments(processInstanceId).stream()
        .map(Tasks::comment)
        .toList();
  }

  public void claim(Participant who, String taskId) {
    as(who, () -> tasks.claim(taskId, who.personId()));
  }

  /** Hands the task to someone, or back to its candidates with null. */
  public void assign(Participant who, String taskId, String personId) {
    as(who, () -> tasks.setAssignee(taskId, personId));
  }

  /**
   * Completes the task; one nobody holds is claimed first, so the history says who did it. The
   * claim is its own engine command: when two people submit at once, the loser's claim fails on the
   * task's version (409) before its completion reads a process that has ended (one command for both
   * saved a few statements but turned that race into a 500).
   */
  public void complete(Participant who, OpenTask task, Map<String, Object> values) {
    as(
        who,
        () -> {
          if (task.assignee() == null) {
            tasks.claim(task.id(), who.personId());
          }
          tasks.complete(task.id(), values);
        });
  }

  public Comment comment(Participant who, OpenTask task, String text) {
    return as(who, () -> comment(tasks.createComment(task.id(), task.processInstanceId(), text)));
  }

  private void as(Participant who, Runnable call) {
    as(
        who,
        () -> {
          call.run();
          return null;
        });
  }

  private <T> T as(Participant who, Supplier<T> call) {
    identity.setAuthentication(who.personId(), List.copyOf(who.bodies()));
    try {
      return call.get();
    } catch (TaskAlreadyClaimedException e) {
      throw new Conflict(true, e.getTaskAssignee(), e);
    } catch (OptimisticLockingException
        | NullValueException
        | NotFoundException
        | AuthorizationException e) {
      // AuthorizationException: the task was routed elsewhere meanwhile (the engine's own check)
      throw new Conflict(false, null, e);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static OpenTask open(Task t) {
    return new OpenTask(
        t.getId(),
        t.getName(),
        t.getDescription(),
        t.getTaskDefinitionKey(),
        t.getProcessDefinitionId(),
        t.getProcessInstanceId(),
        t.getAssignee(),
        t.getOwner(),
        ProcessHistory.instant(t.getCreateTime()),
        ProcessHistory.instant(t.getDueDate()),
        t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey());
  }

  private static Comment comment(org.camunda.bpm.engine.task.Comment c) {
    return new Comment(
        c.getId(), c.getUserId(), ProcessHistory.instant(c.getTime()), c.getFullMessage());
  }
}
