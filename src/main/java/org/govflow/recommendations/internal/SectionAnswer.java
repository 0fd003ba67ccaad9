package org.govflow.recommendations.internal;

/**
 * A Section's answer to a consultation: no objection, comments, or silence (no answer by the
 * deadline, which counts as no objection).
 */
public enum SectionAnswer implements Coded {
  NO_OBJECTION,
  COMMENTS,
  SILENCE
}
