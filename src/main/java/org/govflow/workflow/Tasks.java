package org.govflow.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

  /** An open task held until its completion's transaction ends, and the bodies it is routed to. */
  public record Held(OpenTask task, List<String> groups) {}

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
  private final ProcessEngine engine;
  private final RepositoryService repository;

  /**
   * The Camunda form of each step of each deployed definition: a deployment never changes, and
   * reading it from the cached model spares every task query the definition read that the engine's
   * {@code initializeFormKeys} makes (our models name their forms as constants, never expressions).
   */
  private final Map<String, Optional<String>> formRefs = new ConcurrentHashMap<>();

  public Optional<OpenTask> open(String taskId) {
    return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
        .map(this::open);
  }

  /** The open tasks of a process, soonest due first. */
  public List<OpenTask> openIn(String processInstanceId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .orderByDueDate()
        .asc()
        .list()
        .stream()
        .map(this::open)
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
   * Completes the task; one nobody holds is claimed first, so the history says who did it. Claim
   * and completion run in one engine command (the engine reads the task and its definition once and
   * writes both in one flush); the operation log records the one thing the person did, the
   * completion, in their name, not the claim it takes to name them the task's assignee. The caller
   * {@link #hold holds} the task first, in the same transaction: when two people submit at once, or
   * one person twice, the second waits for the first and then finds the task gone (409) instead of
   * completing it against a process the first has ended.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void complete(Participant who, OpenTask task, Map<String, Object> values) {
    as(
        who,
        () ->
            inOneCommand(
                context -> {
                  if (task.assignee() == null) {
                    context.disableUserOperationLog();
                    try {
                      tasks.claim(task.id(), who.personId());
                    } finally {
                      context.enableUserOperationLog();
                    }
                  }
                  tasks.complete(task.id(), values);
                  return null;
                }));
  }

  /**
   * Waits for whoever is acting on the open task, then holds its row until the caller's transaction
   * ends, so that what the caller reads next (its history, its process) is what they left: a task
   * completed meanwhile is then found gone, not half-read as open. Reads the task and its candidate
   * bodies in the same statement. Empty, and nothing held, for a task that is no longer open.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Held> hold(String taskId) {
    return inOneCommand(context -> held(context, taskId));
  }

  /** Runs engine calls in one command context: the inner commands reuse it. */
  private <T> T inOneCommand(Function<CommandContext, T> calls) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(calls::apply);
  }

  /**
   * The open task and its candidate bodies, its row locked until the transaction ends (waiting for
   * whoever holds it); empty when the task is no longer there. The claim's update took the same
   * lock when claim and completion were two commands, so this holds no row longer than before.
   */
  private Optional<Held> held(CommandContext context, String taskId) {
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement select = connection.prepareStatement(HOLD)) {
      select.setString(1, taskId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String definitionId = row.getString("PROC_DEF_ID_");
        String step = row.getString("TASK_DEF_KEY_");
        OpenTask task =
            new OpenTask(
                row.getString("ID_"),
                row.getString("NAME_"),
                row.getString("DESCRIPTION_"),
                step,
                definitionId,
                row.getString("PROC_INST_ID_"),
                row.getString("ASSIGNEE_"),
                row.getString("OWNER_"),
                instant(row.getTimestamp("CREATE_TIME_")),
                instant(row.getTimestamp("DUE_DATE_")),
                formRef(definitionId, step));
        List<String> groups = new ArrayList<>();
        do {
          String group = row.getString("GROUP_ID_");
          if (group != null) {
            groups.add(group);
          }
        } while (row.next());
        return Optional.of(new Held(task, List.copyOf(groups)));
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not hold task " + taskId, e);
    }
  }

  /** The task's row, locked, once per candidate body (once with none when it has none). */
  private static final String HOLD =
      """
      select t.ID_, t.NAME_, t.DESCRIPTION_, t.TASK_DEF_KEY_, t.PROC_DEF_ID_, t.PROC_INST_ID_,
             t.ASSIGNEE_, t.OWNER_, t.CREATE_TIME_, t.DUE_DATE_, l.GROUP_ID_
      from ACT_RU_TASK t
      left join ACT_RU_IDENTITYLINK l
        on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null
      where t.ID_ = ?
      order by l.GROUP_ID_
      for update of t
      """;

  private static Instant instant(java.sql.Timestamp time) {
    return time == null ? null : time.toInstant();
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

  private String formRef(String definitionId, String step) {
    if (definitionId == null || step == null) {
      return null;
    }
    return formRefs
        .computeIfAbsent(
            definitionId + "#" + step,
            k ->
                Optional.ofNullable(
                    repository.getBpmnModelInstance(definitionId).getModelElementById(step)
                            instanceof UserTask task
                        ? task.getCamundaFormRef()
                        : null))
        .orElse(null);
  }

  private OpenTask open(Task t) {
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
        formRef(t.getProcessDefinitionId(), t.getTaskDefinitionKey()));
  }

  private static Comment comment(org.camunda.bpm.engine.task.Comment c) {
    return new Comment(
        c.getId(), c.getUserId(), ProcessHistory.instant(c.getTime()), c.getFullMessage());
  }
}
