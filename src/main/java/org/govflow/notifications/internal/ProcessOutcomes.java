package org.govflow.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.govflow.directory.Person;
import org.govflow.workflow.ProcessEndHooks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells whoever launched a process how it ended: at every end event at the top level of every
 * process (the end event's name is the outcome, e.g. "Document approved"), writing to the outbox in
 * the engine's transaction, once per process instance and person.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProcessOutcomes implements ProcessEndHooks {

  static final String OUTCOME = "OUTCOME";

  /** the start event's camunda:initiator variable, by the models' convention */
  static final String INITIATOR = "initiator";

  private final Letters letters;
  private final MessageSource messages;

  /**
   * @param processName the model's name, shown when the bundles have no {@code inbox.process.<key>}
   * @param outcomeName the end event's name, shown when the bundles have no {@code
   *     inbox.task.<key>.<endEventId>} (the keys the inbox names steps with)
   */
  @Override
  public void ended(
      DelegateExecution execution,
      String processKey,
      String endEventId,
      String processName,
      String outcomeName) {
    Object initiator = execution.getVariable(INITIATOR);
    if (!(initiator instanceof String personId)) {
      return;
    }
    Person person = letters.person(personId).orElse(null);
    if (person == null) {
      return;
    }
    // in the reader's language, as the inbox names the process and its steps
    Locale locale = person.language();
    String process = messages.getMessage("inbox.process." + processKey, null, processName, locale);
    String outcome =
        messages.getMessage(
            "inbox.task." + processKey + "." + endEventId, null, outcomeName, locale);
    String businessKey = execution.getProcessBusinessKey();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("process", process);
    model.put("businessKey", businessKey);
    model.put("outcome", outcome);
    model.put(
        "subjectArgs", new Object[] {process, businessKey == null ? "" : businessKey, outcome});
    String key = "process:" + execution.getProcessInstanceId() + ":" + OUTCOME + ":" + personId;
    letters.write(
        person,
        new Letters.Envelope(key, OUTCOME, null, null),
        "outcome",
        "notifications.outcome.subject",
        model);
  }
}
