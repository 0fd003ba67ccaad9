package org.govflow.recommendations.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** How the delegates read a step's variables: texts, and whole numbers with a default. */
final class StepVariables {

  private StepVariables() {}

  static String text(VariableScope step, String name) {
    return (String) step.getVariable(name);
  }

  static int number(VariableScope step, String name, int otherwise) {
    return step.getVariable(name) instanceof Number n ? n.intValue() : otherwise;
  }
}
