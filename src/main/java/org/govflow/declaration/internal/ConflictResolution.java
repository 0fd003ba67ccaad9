package org.govflow.declaration.internal;

/**
 * The drafting committee's answer to a conflict (two accepted amendments changing one paragraph):
 * the paragraph's text in the next version, or none to delete it, with a reason.
 */
record ConflictResolution(String paragraphId, String text, String reason) {

  ConflictResolution {
    text = text == null ? "" : TextVersion.normalise(text);
    reason = reason == null ? "" : reason.strip();
  }

  boolean deletes() {
    return text.isEmpty();
  }
}
