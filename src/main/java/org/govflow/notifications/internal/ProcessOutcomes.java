package org.govflow.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells whoever launched a process how it ended: a built-in end listener on every end event at the
 * top level of every process (the end event's name is the outcome, e.g. "Document approved"),
 * writing to the outbox in the engine's transaction, once per process instance and person.
 */
@Component
class ProcessOutcomes extends AbstractProcessEnginePlugin {

  static final String OUTCOME = "OUTCOME";

  /** the start event's camunda:initiator variable, by the models' convention */
  static final String INITIATOR = "initiator";

  // looked up at the first outcome, long after the engine (which builds this plugin) is up
  private final ObjectProvider<Directory> directory;
  private final ObjectProvider<MessageRenderer> renderer;
  private final ObjectProvider<Outbox> outbox;
  private final ObjectProvider<Clock> clock;
  private final ObjectProvider<MessageSource> messages;

  ProcessOutcomes(
      ObjectProvider<Directory> directory,
      ObjectProvider<MessageRenderer> renderer,
      ObjectProvider<Outbox> outbox,
      ObjectProvider<Clock> clock,
      ObjectProvider<MessageSource> messages) {
    this.messages = messages;
    this.directory = directory;
    this.renderer = renderer;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (scope instanceof ProcessDefinitionEntity definition) {
              String key = definition.getKey();
              String process = definition.getName() == null ? key : definition.getName();
              String name = element.attribute("name");
              String outcome = name == null || name.isBlank() ? activity.getId() : name;
              String endId = activity.getId();
              activity.addBuiltInListener(
                  ExecutionListener.EVENTNAME_END,
                  (ExecutionListener) execution -> ended(execution, key, endId, process, outcome));
            }
          }
        });
  }

  /**
   * @param processName the model's name, shown when the bundles have no {@code inbox.process.<key>}
   * @param outcomeName the end event's name, shown when the bundles have no {@code
   *     inbox.task.<key>.<endEventId>} (the keys the inbox names steps with)
   */
  void ended(
      DelegateExecution execution,
      String processKey,
      String endEventId,
      String processName,
      String outcomeName) {
    Object initiator = execution.getVariable(INITIATOR);
    if (!(initiator instanceof String personId)) {
      return;
    }
    Person person = directory.getObject().person(personId).orElse(null);
    if (person == null) {
      return;
    }
    // in the reader's language, as the inbox names the process and its steps
    MessageSource bundles = messages.getObject();
    Locale locale = person.language();
    String process = bundles.getMessage("inbox.process." + processKey, null, processName, locale);
    String outcome =
        bundles.getMessage(
            "inbox.task." + processKey + "." + endEventId, null, outcomeName, locale);
    String businessKey = execution.getProcessBusinessKey();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("process", process);
    model.put("businessKey", businessKey);
    model.put("outcome", outcome);
    model.put(
        "subjectArgs", new Object[] {process, businessKey == null ? "" : businessKey, outcome});
    MessageRenderer.Rendered message =
        renderer.getObject().render("outcome", person, "notifications.outcome.subject", model);
    Instant now = clock.getObject().instant();
    outbox
        .getObject()
        .add(
            new OutboxMessage(
                "process:" + execution.getProcessInstanceId() + ":" + OUTCOME + ":" + personId,
                OUTCOME,
                personId,
                person.email(),
                null,
                null,
                message.subject(),
                message.text(),
                message.html()),
            now);
  }
}
