package org.govflow.documents;

import java.time.Instant;

/** One version of a document, without its content. */
public record DocumentVersion(
    String documentId,
    int version,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Instant createdAt,
    String createdBy) {

  /** Whether a text diff can be shown for it. */
  public boolean text() {
    return mediaType.startsWith("text/");
  }
}
