package org.govflow.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Processes that wait for a body's decision at one of its meetings, and the decision given to them.
 * The contract between a waiting process (a recommendation submitted to the World Council) and the
 * meeting that decides: the waiting process sets {@link #AWAITED_BODY} and {@link #AWAITED_SUBJECT}
 * (and {@link #AWAITED_DOCUMENT_SHA256}) and waits at a message catch event for {@link #MESSAGE};
 * the meeting lists what awaits its body and, once it has decided, sends the message correlated by
 * business key with the outcome variables below.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AwaitedDecisions {

  /** The message a waiting process catches. */
  public static final String MESSAGE = "WorldCouncilDecision";

  /** Set by the waiting process: the body id whose decision it awaits (world-council). */
  public static final String AWAITED_BODY = "awaitedBody";

  /** Set by the waiting process: what the body is asked to decide. */
  public static final String AWAITED_SUBJECT = "awaitedSubject";

  /** Set by the waiting process: the SHA-256 of the document version to decide on. */
  public static final String AWAITED_DOCUMENT_SHA256 = "awaitedDocumentSha256";

  /** Given with the message: adopted, rejected, ... */
  public static final String OUTCOME = "awaitedOutcome";

  /** Given with the message: the decision register entry the meeting recorded, if any. */
  public static final String DECISION_ID = "awaitedDecisionId";

  /** Given with the message: the business key of the meeting that decided. */
  public static final String MEETING = "awaitedMeeting";

  /** The incident Cockpit shows for a decision that found no process awaiting it. */
  public static final String NOT_AWAITED_INCIDENT = "govflow-decision-not-awaited";

  private final RuntimeService runtime;
  private final RepositoryService repository;

  /** What waits for the body's decision now, oldest first. */
  public List<AwaitedDecision> awaiting(String bodyId) {
    List<EventSubscription> subscriptions =
        runtime
            .createEventSubscriptionQuery()
            .eventType("message")
            .eventName(MESSAGE)
            .orderByCreated()
            .asc()
            .list();
    if (subscriptions.isEmpty()) {
      return List.of();
    }
    // one query for the processes that wait for this body, rather than one per waiting process
    Map<String, ProcessInstance> forThisBody = new HashMap<>();
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processInstanceIds(
                subscriptions.stream()
                    .map(EventSubscription::getProcessInstanceId)
                    .collect(Collectors.toSet()))
            .variableValueEquals(AWAITED_BODY, bodyId)
            .list()) {
      forThisBody.put(instance.getId(), instance);
    }
    List<AwaitedDecision> awaited = new ArrayList<>();
    for (EventSubscription subscription : subscriptions) {
      ProcessInstance instance = forThisBody.get(subscription.getProcessInstanceId());
      if (instance == null) {
        continue;
      }
      Map<String, Object> variables =
          runtime.getVariables(instance.getId(), List.of(AWAITED_SUBJECT, AWAITED_DOCUMENT_SHA256));
      Date created = subscription.getCreated();
      awaited.add(
          new AwaitedDecision(
              instance.getId(),
              // from the engine's cache of deployed definitions
              repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey(),
              instance.getBusinessKey(),
              (String) variables.get(AWAITED_SUBJECT),
              (String) variables.get(AWAITED_DOCUMENT_SHA256),
              created == null ? null : created.toInstant()));
    }
    return awaited;
  }

  /**
   * Gives a body's decision to the process that awaits it, in the caller's transaction.
   *
   * @param decisionId the register entry the meeting recorded, or {@code null}
   * @return false when no process with that business key awaits a decision (any more)
   */
  public boolean decide(String businessKey, String outcome, Long decisionId, String meeting) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OUTCOME, outcome);
    variables.put(DECISION_ID, decisionId);
    variables.put(MEETING, meeting);
    try {
      runtime
          .createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(businessKey)
          .setVariables(variables)
          .correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException notAwaiting) {
      return false;
    }
  }

  /**
   * Raises an incident on the deciding process (the meeting), which Cockpit shows while it runs and
   * its history keeps: the body decided for {@code businessKey}, but no process awaited it any
   * more.
   */
  public static void notAwaited(DelegateExecution deciding, String businessKey, String outcome) {
    deciding
        .getProcessInstance()
        .createIncident(
            NOT_AWAITED_INCIDENT,
            businessKey,
            "Decision '"
                + outcome
                + "' for "
                + businessKey
                + " found no process awaiting it; it is in the register but was not given to it");
  }
}
