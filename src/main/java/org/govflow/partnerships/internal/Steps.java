package org.govflow.partnerships.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.govflow.workflow.Actors;

/** How the delegates read a step's variables. */
final class Steps {

  private Steps() {}

  static String text(VariableScope step, String name) {
    Object v = step.getVariable(name);
    return v == null ? null : v.toString();
  }

  static int number(VariableScope step, String name, int otherwise) {
    return step.getVariable(name) instanceof Number n ? n.intValue() : otherwise;
  }

  /** Who completes the task: the authenticated person, else its assignee, else the process. */
  static String actor(DelegateTask task) {
    String current = Actors.current(task);
    if (current != null) {
      return current;
    }
    return task.getAssignee() != null ? task.getAssignee() : MouRenewal.SYSTEM;
  }
}
