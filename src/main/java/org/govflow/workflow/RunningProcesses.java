package org.govflow.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a process module asks of its running processes: their variables and open steps, moving their
 * timers and due dates, ending them; and, for the quick start's demo data, working their tasks as
 * the people they are routed to. Process modules come here rather than to the engine.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RunningProcesses {

  private static final Logger log = LoggerFactory.getLogger(RunningProcesses.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;

  /** An open user task of a running process. */
  public record OpenStep(String taskId, String stepId, String assignee) {}

  /** Whether the process instance is still running. */
  public boolean running(String processInstanceId) {
    return processInstanceId != null
        && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /** The business key of a running process instance. */
  public Optional<String> businessKey(String processInstanceId) {
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return Optional.ofNullable(instance).map(ProcessInstance::getBusinessKey);
  }

  /** A variable of a running process, or null when it has none or has ended. */
  public Object variable(String processInstanceId, String name) {
    return running(processInstanceId) ? runtime.getVariable(processInstanceId, name) : null;
  }

  /** A variable of an open task (its own, else its process's). */
  public Object taskVariable(String taskId, String name) {
    return tasks.getVariable(taskId, name);
  }

  public void setVariables(String processInstanceId, Map<String, ?> variables) {
    runtime.setVariables(processInstanceId, variables);
  }

  /** The steps (activity ids) the process is at now; empty once it has ended. */
  public Set<String> activeSteps(String processInstanceId) {
    return running(processInstanceId)
        ? Set.copyOf(runtime.getActiveActivityIds(processInstanceId))
        : Set.of();
  }

  /** The open tasks of a step of the process, ordered by assignee. */
  public List<OpenStep> openTasks(String processInstanceId, String stepId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(stepId)
        .active()
        .orderByTaskAssignee()
        .asc()
        .list()
        .stream()
        .map(RunningProcesses::step)
        .toList();
  }

  /**
   * New due time for a step's open tasks and for the timer that closes it, e.g. when a meeting is
   * moved. Either may be null: a timer without tasks, or tasks without a timer.
   */
  public void moveDeadline(String processInstanceId, String timerId, String stepId, Instant due) {
    Date date = Date.from(due);
    if (stepId != null) {
      tasks
          .createTaskQuery()
          .processInstanceId(processInstanceId)
          .taskDefinitionKey(stepId)
          .list()
          .forEach(
              t -> {
                t.setDueDate(date);
                tasks.saveTask(t);
              });
    }
    if (timerId != null) {
      management
          .createJobQuery()
          .processInstanceId(processInstanceId)
          .activityId(timerId)
          .timers()
          .list()
          .forEach(job -> management.setJobDuedate(job.getId(), date));
    }
  }

  /** Ends a running process, for a reason that the history keeps. */
  public void end(String processInstanceId, String reason) {
    if (running(processInstanceId)) {
      runtime.deleteProcessInstance(processInstanceId, reason);
    }
  }

  /** How many instances of a process were ever started (the quick start seeds only once). */
  public long startedCount(String processKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  /**
   * Completes an open task as a person (claiming it first when nobody holds it), as the inbox does
   * for them; for demo data and set-up, which have no request.
   */
  public void completeAs(String personId, String taskId, Map<String, Object> values) {
    identity.setAuthenticatedUserId(personId);
    try {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task != null && task.getAssignee() == null) {
        tasks.claim(taskId, personId);
      }
      tasks.complete(taskId, values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the process's jobs that are due now, those the job executor has not run already. */
  public void runDueJobs(String processInstanceId) {
    for (Job job :
        management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
      try {
        management.executeJob(job.getId());
      } catch (ProcessEngineException alreadyDone) {
        log.debug("Job {} of {} already run by the job executor", job.getId(), processInstanceId);
      }
    }
  }

  private static OpenStep step(Task t) {
    return new OpenStep(t.getId(), t.getTaskDefinitionKey(), t.getAssignee());
  }
}
