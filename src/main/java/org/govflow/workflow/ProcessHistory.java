package org.govflow.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.springframework.stereotype.Service;

/**
 * What the engine's history says of processes, running or ended: the instances, who was involved,
 * and the steps taken so far, named in the reader's language.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProcessHistory {

  /** A process instance as its history keeps it. */
  public record Instance(
      String id,
      String processKey,
      String modelName,
      String businessKey,
      String state,
      String startedBy,
      Instant started,
      Instant ended) {}

  /**
   * A step taken, in the order they started.
   *
   * @param name in the reader's language (StepNames)
   * @param modelName the model's own name, null for an unnamed activity
   * @param type the BPMN activity type ({@code userTask}, {@code exclusiveGateway}...)
   */
  public record Step(
      String activityId,
      String processKey,
      String name,
      String modelName,
      String type,
      String assignee,
      Instant started,
      Instant ended) {}

  /** A task, open or done. */
  /**
   * A task of the history.
   *
   * @param completed whether someone completed it, rather than the process closing it (a vote
   *     closed early, a step cancelled)
   */
  public record PastTask(String id, String assignee, String processInstanceId, boolean completed) {}

  /** Running or ended, for filters. */
  public enum State {
    ACTIVE,
    COMPLETED
  }

  private final HistoryService history;
  private final StepNames names;
  private final WorkflowSettings settings;

  public Optional<Instance> instance(String processInstanceId) {
    if (processInstanceId == null || processInstanceId.length() > 64) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .map(ProcessHistory::instance);
  }

  /** The instance of a process with this business key, running or ended. */
  public Optional<Instance> byBusinessKey(String processKey, String businessKey) {
    if (businessKey == null || businessKey.isBlank() || businessKey.length() > 255) {
      return Optional.empty();
    }
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey)
        .list()
        .stream()
        .findFirst()
        .map(ProcessHistory::instance);
  }

  /**
   * The latest started instances first, at most {@code max}.
   *
   * @param processKey only of this process, or null
   * @param state only running or only ended ones, or null
   * @param among only these instances, or null for all
   */
  public List<Instance> instances(String processKey, State state, Set<String> among, int max) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
    if (processKey != null) {
      query.processDefinitionKey(processKey);
    }
    if (state == State.ACTIVE) {
      query.unfinished();
    } else if (state == State.COMPLETED) {
      query.finished();
    }
    if (among != null) {
      query.processInstanceIds(among);
    }
    return query.orderByProcessInstanceStartTime().desc().listPage(0, max).stream()
        .map(ProcessHistory::instance)
        .toList();
  }

  /**
   * The processes someone started, or had a task of as assignee, owner or candidate, in person or
   * through one of their bodies.
   */
  public Set<String> involving(Participant who) {
    Set<String> ids = new HashSet<>();
    for (HistoricTaskInstanceQuery query : involvedQueries(who)) {
      query.list().stream()
          .filter(this::makesParticipant)
          .map(HistoricTaskInstance::getProcessInstanceId)
          .filter(Objects::nonNull)
          .forEach(ids::add);
    }
    history.createHistoricProcessInstanceQuery().startedBy(who.personId()).list().stream()
        .map(HistoricProcessInstance::getId)
        .forEach(ids::add);
    return ids;
  }

  /**
   * Whether someone takes part in a process: the secretariat and leadership take part in all;
   * others if they started it, or had one of its tasks as assignee, owner or candidate, in person
   * or through one of their bodies; a call for contributions does not count (docs/security.md).
   */
  public boolean participates(Participant who, String processInstanceId) {
    if (processInstanceId == null || processInstanceId.length() > 64) {
      return false;
    }
    // one read tells whether it exists and who started it
    HistoricProcessInstance process =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (process == null) {
      return false;
    }
    return who.overseesAll()
        || who.personId().equals(process.getStartUserId())
        || involvedQueries(who).stream()
            .anyMatch(
                q ->
                    q.processInstanceId(processInstanceId).list().stream()
                        .anyMatch(this::makesParticipant));
  }

  /**
   * Whether having this task makes one a participant of its process: every task does, except a call
   * for contributions (WorkflowSettings#contributorSteps), whose holders see only their task.
   */
  private boolean makesParticipant(HistoricTaskInstance task) {
    return !settings
        .contributorSteps()
        .contains(task.getProcessDefinitionKey() + ":" + task.getTaskDefinitionKey());
  }

  /** Whether someone had the task, in person or through one of their bodies. */
  public boolean involved(String taskId, Participant who) {
    return involvedQueries(who).stream().anyMatch(q -> q.taskId(taskId).count() > 0);
  }

  /** A task, open or done; empty for an unknown one. */
  public Optional<PastTask> task(String taskId) {
    return Optional.ofNullable(
            history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult())
        .map(
            t ->
                new PastTask(
                    t.getId(),
                    t.getAssignee(),
                    t.getProcessInstanceId(),
                    "completed".equals(t.getDeleteReason())));
  }

  /** Every step taken so far, gateways included, in the order they started. */
  public List<Step> steps(String processInstanceId, Locale locale) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(
            a ->
                new Step(
                    a.getActivityId(),
                    a.getProcessDefinitionKey(),
                    names.step(
                        a.getProcessDefinitionKey(),
                        a.getActivityId(),
                        a.getActivityName(),
                        locale),
                    a.getActivityName(),
                    a.getActivityType(),
                    a.getAssignee(),
                    instant(a.getStartTime()),
                    instant(a.getEndTime())))
        .toList();
  }

  private List<HistoricTaskInstanceQuery> involvedQueries(Participant who) {
    List<HistoricTaskInstanceQuery> queries =
        new ArrayList<>(
            List.of(history.createHistoricTaskInstanceQuery().taskInvolvedUser(who.personId())));
    who.bodies().stream()
        .map(body -> history.createHistoricTaskInstanceQuery().taskInvolvedGroup(body))
        .forEach(queries::add);
    return queries;
  }

  private static Instance instance(HistoricProcessInstance pi) {
    return new Instance(
        pi.getId(),
        pi.getProcessDefinitionKey(),
        pi.getProcessDefinitionName(),
        pi.getBusinessKey(),
        pi.getState() == null ? null : pi.getState().toLowerCase(Locale.ROOT),
        pi.getStartUserId(),
        instant(pi.getStartTime()),
        instant(pi.getEndTime()));
  }

  static Instant instant(Date date) {
    return Optional.ofNullable(date).map(Date::toInstant).orElse(null);
  }
}
