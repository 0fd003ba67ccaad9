package org.govflow.documents;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.internal.DocumentAccess;
import org.govflow.workflow.Participant;
import org.springframework.stereotype.Service;

/**
 * The documents of processes, as other modules and their pages use them. Every version is kept with
 * its SHA-256; only the process's participants, the secretariat and leadership upload or read them.
 * The rules are in {@code internal}: who may do what, the upload checks, the storage and the diffs.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Documents {

  private final DocumentAccess access;

  public DocumentSettings settings() {
    return access.settings();
  }

  /**
   * Stores a new document, or a new version of one of the process's documents.
   *
   * @param documentId null for a new document
   */
  public DocumentVersion upload(
      Participant who,
      String processInstanceId,
      String documentId,
      String fileName,
      byte[] content) {
    return access.upload(who, processInstanceId, documentId, fileName, content);
  }

  /**
   * Checks a file as an upload is checked (not empty, within the size limit, an accepted type
   * detected on its content) without storing it: a version with no id whose name is the safe name
   * and whose media type is the detected one; a refusal says what is wrong.
   */
  public DocumentVersion check(String fileName, byte[] content) {
    return access.check(fileName, content);
  }

  /**
   * Stores a text a running process wrote itself as a new document of the process and publishes it
   * at once, for the public page (an adopted declaration, say).
   *
   * @param by who publishes: the process ("system") or the person it acts for
   */
  public DocumentVersion publishNew(
      String processInstanceId, String fileName, byte[] content, String by) {
    return access.publishNew(processInstanceId, fileName, content, by);
  }

  /** The documents of a process, for someone who takes part in it; empty for anyone else. */
  public List<Document> of(Participant who, String processInstanceId) {
    return access.of(who, processInstanceId);
  }

  /** A version's content, for someone who takes part in the process (else refused). */
  public DocumentContent content(Participant who, String documentId, int version) {
    return access.content(who, documentId, version);
  }

  /**
   * A unified diff of a text version against the previous one; empty for version 1.
   *
   * @return the diff's lines
   */
  public List<String> diff(Participant who, String documentId, int version) {
    return access.diff(who, documentId, version);
  }

  /** A version as a page shows it: its text as safe HTML, a PDF inline, else a download. */
  public DocumentText text(Participant who, String documentId, int version) {
    return access.text(who, documentId, version);
  }

  /**
   * The words changed in a text version since the previous one, line by line; empty for version 1
   * and for versions that are not texts.
   */
  public List<WordDiff.Line> changes(Participant who, String documentId, int version) {
    return access.changes(who, documentId, version);
  }

  /** Every published version, newest publication first, with its document's name. */
  public List<PublishedDocument> published(int limit) {
    return access.published(limit);
  }

  /**
   * A published version's content, for anyone; an unpublished or unknown version is not found, so
   * that nobody learns whether it exists.
   */
  public DocumentContent publishedContent(String documentId, int version) {
    return access.publishedContent(documentId, version);
  }
}
