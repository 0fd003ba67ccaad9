package org.govflow.workflow.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * A governance task is completed only by whom the model routes it to, whatever the door: our API,
 * Camunda's REST API or Tasklist. Built into every user task (by {@link EngineHooks}) on {@code
 * complete}, it checks the authenticated person against the task as the model routes it, evaluated
 * now: a member of one of its candidate bodies (and, once someone holds the task, that person), or
 * the named person of a task routed to one. Changing the task's assignee or identity links at run
 * time therefore does not re-route it. The operator keeps the operations (incidents, retries,
 * migrations) but completes nobody's task.
 *
 * <p>With no authenticated person the engine acts alone (a timer, a job, the application's own
 * code): every door to the engine authenticates its caller (Camunda's REST API and webapps through
 * their authentication filters, our API through {@code Tasks}).
 */
final class RoutedCompletion implements TaskListener {

  private final TaskDefinition definition;

  RoutedCompletion(TaskDefinition definition) {
    this.definition = definition;
  }

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return;
    }
    String user = authentication.getUserId();
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      throw refused(user, task, "it is held by " + task.getAssignee());
    }
    Set<String> bodies = ids(definition.getCandidateGroupIdExpressions(), task);
    Set<String> people = ids(definition.getCandidateUserIdExpressions(), task);
    String named =
        definition.getAssigneeExpression() == null
            ? null
            : first(definition.getAssigneeExpression().getValue(task));
    if (bodies.isEmpty() && people.isEmpty()) {
      if (named != null && !named.equals(user)) {
        throw refused(user, task, "it is routed to " + named);
      }
      return;
    }
    if (people.contains(user)
        || user.equals(named)
        || memberOfAny(identity, authentication, bodies)) {
      return;
    }
    throw refused(user, task, "it is routed to " + String.join(", ", bodies));
  }

  private static boolean memberOfAny(
      IdentityService identity, Authentication authentication, Set<String> bodies) {
    if (bodies.isEmpty()) {
      return false;
    }
    List<String> groups = authentication.getGroupIds();
    if (groups != null && groups.stream().anyMatch(bodies::contains)) {
      return true;
    }
    // a door that did not list the person's groups: the directory's mirror knows them
    return identity.createGroupQuery().groupMember(authentication.getUserId()).list().stream()
        .map(Group::getId)
        .anyMatch(bodies::contains);
  }

  private static Set<String> ids(Set<Expression> expressions, DelegateTask task) {
    Set<String> ids = new LinkedHashSet<>();
    if (expressions != null) {
      for (Expression expression : expressions) {
        add(ids, expression.getValue(task));
      }
    }
    return ids;
  }

  private static void add(Set<String> ids, Object value) {
    if (value instanceof Collection<?> values) {
      values.forEach(v -> add(ids, v));
    } else if (value != null) {
      for (String id : value.toString().split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
  }

  private static String first(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    add(ids, value);
    return ids.isEmpty() ? null : ids.iterator().next();
  }

  private static Refused refused(String user, DelegateTask task, String why) {
    return new Refused(
        "'%s' may not complete task '%s' (%s): %s"
            .formatted(user, task.getId(), task.getTaskDefinitionKey(), why));
  }

  /** The refusal, an {@link AuthorizationException} (403 on Camunda's REST API). */
  static final class Refused extends AuthorizationException {
    Refused(String message) {
      super(message);
    }
  }
}
