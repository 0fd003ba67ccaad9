package org.govflow.documents;

import java.time.Instant;

/**
 * One version of a document, without its content.
 *
 * @param publishedAt when the secretariat or leadership published it, or null
 */
public record DocumentVersion(
    String documentId,
    int version,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Instant createdAt,
    String createdBy,
    Instant publishedAt,
    String publishedBy) {

  /** Whether the version is published: readable by anyone on the public page when it is on. */
  public boolean published() {
    return publishedAt != null;
  }

  /** Whether a text diff can be shown for it. */
  public boolean text() {
    return mediaType.startsWith("text/");
  }
}
