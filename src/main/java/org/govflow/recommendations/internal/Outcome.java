package org.govflow.recommendations.internal;

/** Where a recommendation ended: adopted or rejected by the World Council, or withdrawn. */
public enum Outcome implements Coded {
  ADOPTED,
  REJECTED,
  WITHDRAWN
}
