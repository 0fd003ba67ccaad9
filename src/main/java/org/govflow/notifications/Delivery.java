package org.govflow.notifications;

/** How a person receives messages about tasks (escalations and convocations always go at once). */
public enum Delivery {
  /** each message as it is written */
  IMMEDIATE,
  /** one digest a day, at the digest time in the person's own time zone */
  DAILY
}
