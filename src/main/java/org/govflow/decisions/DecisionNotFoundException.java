package org.govflow.decisions;

/** No entry with this id in the register. */
public class DecisionNotFoundException extends RuntimeException {

  public DecisionNotFoundException(long id) {
    super("No decision " + id + " in the register");
  }
}
