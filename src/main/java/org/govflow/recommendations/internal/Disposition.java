package org.govflow.recommendations.internal;

/** The secretariat's disposition of a Section's comment. */
public enum Disposition implements Coded {
  ACCEPTED,
  PARTLY,
  NOT_ACCEPTED
}
