package org.govflow.workflow;

import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Processes and their steps named in the reader's language: the bundles say how with {@code
 * inbox.process.<processKey>} and {@code inbox.task.<processKey>.<stepId>} (a step is a task, an
 * event or any other activity of the model); where they do not, the model's own name stands.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StepNames {

  private final MessageSource messages;
  private final RepositoryService repository;

  /** The process's name, else the model's name, else its key. */
  public String process(String processKey, String modelName, Locale locale) {
    return messages.getMessage(
        "inbox.process." + processKey, null, modelName == null ? processKey : modelName, locale);
  }

  /** The step's name, else the model's name, else its id. */
  public String step(String processKey, String stepId, String modelName, Locale locale) {
    return messages.getMessage(
        "inbox.task." + processKey + "." + stepId,
        null,
        modelName == null ? stepId : modelName,
        locale);
  }

  /**
   * What a step asks and why: the bundles' {@code ...description}, else the task's own description,
   * else the step's documentation in the model, else null.
   */
  public String description(
      String processKey,
      String processDefinitionId,
      String stepId,
      String taskDescription,
      Locale locale) {
    return messages.getMessage(
        "inbox.task." + processKey + "." + stepId + ".description",
        null,
        taskDescription != null ? taskDescription : documentation(processDefinitionId, stepId),
        locale);
  }

  private String documentation(String processDefinitionId, String stepId) {
    try {
      var element =
          repository.getBpmnModelInstance(processDefinitionId).getModelElementById(stepId);
      if (element instanceof BaseElement base && !base.getDocumentations().isEmpty()) {
        return base.getDocumentations().iterator().next().getTextContent();
      }
    } catch (ProcessEngineException e) {
      // no documentation to show
    }
    return null;
  }
}
