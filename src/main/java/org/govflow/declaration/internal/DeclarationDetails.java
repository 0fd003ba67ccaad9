package org.govflow.declaration.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A declaration as its participants read it (page and API): where it stands, the current text,
 * every version in every language, the amendments with their dispositions, who has not answered,
 * and once adopted the texts as published.
 */
record DeclarationDetails(
    String businessKey,
    String title,
    String authenticLanguage,
    String stage,
    int round,
    int rounds,
    boolean roundOpen,
    Instant roundEnds,
    List<String> groups,
    List<String> notAnswered,
    List<String> silent,
    int currentVersion,
    String currentSha256,
    List<Paragraph> paragraphs,
    List<Version> versions,
    List<FiledAmendment> amendments,
    List<String> conflicts,
    List<Published> published) {

  /**
   * An adopted text as published through the documents module: one per language, each with the
   * General Assembly's register entry and the SHA-256 of the authentic version that entry holds.
   */
  @Schema(name = "PublishedDeclaration")
  record Published(
      String language,
      boolean authentic,
      String fileName,
      String documentId,
      int documentVersion,
      String documentSha256,
      String textSha256,
      String authenticSha256,
      long decisionId,
      Instant publishedAt) {}

  /** A version of the text in one language. */
  @Schema(name = "DeclarationVersion")
  record Version(
      int number,
      String language,
      String sha256,
      String createdBy,
      Instant createdAt,
      List<Paragraph> paragraphs) {}

  /** An amendment as filed, with its disposition once given. */
  record FiledAmendment(
      long id,
      int round,
      int versionNumber,
      String group,
      String kind,
      String paragraphId,
      String paragraphNumber,
      String text,
      String justification,
      String filedBy,
      Instant filedAt,
      boolean withdrawn,
      String disposition,
      String committeeText,
      String reason,
      String disposedBy,
      Instant disposedAt) {}

  /** A declaration in the list. */
  @Schema(name = "DeclarationSummary")
  record Summary(
      String businessKey, String title, String stage, int round, int rounds, Instant launchedAt) {}
}
