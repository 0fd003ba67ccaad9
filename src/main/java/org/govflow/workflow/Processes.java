package org.govflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.govflow.workflow.internal.BusinessKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Launching processes: which ones exist, and starting one with a business key people can read. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Processes {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final FormService forms;
  private final IdentityService identity;
  private final ProcessHistory history;
  private final BusinessKeys businessKeys;

  /**
   * The start form of each deployed definition: a deployment never changes (our models name their
   * forms as constants), so a launch reads it once per definition, not once per launch.
   */
  private final Map<String, Optional<String>> startForms = new ConcurrentHashMap<>();

  /** Every deployed process with a start form, latest versions, by key. */
  public List<ProcessType> types() {
    List<ProcessType> types = new ArrayList<>();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .latestVersion()
            .active()
            .orderByProcessDefinitionKey()
            .asc()
            .list()) {
      ProcessType type = typeOf(definition);
      if (type != null) {
        types.add(type);
      }
    }
    return types;
  }

  /** The process as launchable, or null without a start form. */
  private ProcessType typeOf(ProcessDefinition definition) {
    String startForm = startFormOf(definition);
    return startForm == null
        ? null
        : new ProcessType(
            definition.getKey(),
            definition.getName() == null ? definition.getKey() : definition.getName(),
            definition.getId(),
            startForm);
  }

  /**
   * The latest active version of one process, if it has a start form: the same answer as {@link
   * #types()} filtered by key, reading only that process's definition (a launch asks for it).
   */
  public Optional<ProcessType> type(String processKey) {
    if (processKey == null || processKey.isBlank()) {
      return Optional.empty();
    }
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .active()
            .singleResult();
    return definition == null ? Optional.empty() : Optional.ofNullable(typeOf(definition));
  }

  /**
   * Starts the latest version of a process with a new business key, as the given person (its {@code
   * camunda:initiator}). The key's number and the process commit or roll back together.
   */
  @Transactional
  public StartedProcess start(String processKey, Map<String, Object> variables, String initiator) {
    String businessKey = businessKeys.next(processKey, variables);
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthenticatedUserId(initiator);
    try {
      ProcessInstance instance =
          runtime
              .createProcessInstanceByKey(processKey)
              .businessKey(businessKey)
              .setVariables(variables)
              .execute();
      return new StartedProcess(instance.getId(), businessKey);
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** Whether the process exists (running or ended). */
  public boolean exists(String processInstanceId) {
    return history.instance(processInstanceId).isPresent();
  }

  /** Whether the process is still running. */
  public boolean running(String processInstanceId) {
    return exists(processInstanceId)
        && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /**
   * Whether someone takes part in a process: the secretariat and leadership take part in all;
   * others if they started it, or had one of its tasks as assignee, owner or candidate, in person
   * or through one of their bodies.
   */
  public boolean participates(Participant who, String processInstanceId) {
    return history.participates(who, processInstanceId);
  }

  private String startFormOf(ProcessDefinition definition) {
    return startForms
        .computeIfAbsent(
            definition.getId(),
            id -> {
              StartFormData data = forms.getStartFormData(id);
              CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
              return Optional.ofNullable(ref == null ? null : ref.getKey());
            })
        .orElse(null);
  }
}
