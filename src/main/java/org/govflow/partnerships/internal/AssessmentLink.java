package org.govflow.partnerships.internal;

/**
 * An item the focal point's assessment cites as done under the MoU.
 *
 * @param kind {@code action} (work plan), {@code meeting} or {@code decision} (register)
 * @param reference the action's id, the meeting's business key, the decision's number
 * @param title what a reader recognises it by: the action's reference and text, the meeting's or
 *     the decision's title
 */
record AssessmentLink(String kind, String reference, String title) {

  static final String ACTION = "action";
  static final String MEETING = "meeting";
  static final String DECISION = "decision";

  /** How a form or a page gives it: {@code kind:reference}. */
  public String key() {
    return kind + ":" + reference;
  }
}
