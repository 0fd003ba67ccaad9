package org.govflow.documents.internal;

import java.util.List;
import java.util.Optional;
import org.govflow.documents.Document;
import org.govflow.documents.DocumentContent;
import org.govflow.documents.DocumentSettings;
import org.govflow.documents.DocumentText;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.PublishedDocument;
import org.govflow.documents.WordDiff;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with the documents of processes: the process's participants, the secretariat and
 * leadership upload to a running process, read the documents and compare their versions; the
 * secretariat and leadership publish a version, which anyone may then read. An unknown id is not
 * found; a document of someone else's process is forbidden.
 */
@Component
@Transactional(readOnly = true)
public class DocumentAccess {

  private final Processes processes;
  private final DocumentStore store;
  private final UploadCheck uploads;

  DocumentAccess(Processes processes, DocumentStore store, DocumentSettings settings) {
    this.uploads = new UploadCheck(settings);
    this.processes = processes;
    this.store = store;
  }

  /** The upload rules. */
  public DocumentSettings settings() {
    return uploads.settings();
  }

  /**
   * Stores a file someone who takes part in a running process sends: a new document when {@code
   * documentId} is null, else the document's next version.
   */
  @Transactional
  public DocumentVersion upload(
      Participant who, String process, String documentId, String fileName, byte[] content) {
    if (!processes.exists(process)) {
      throw Refusal.notFound("inbox.documents.unknownProcess");
    }
    if (!processes.participates(who, process)) {
      throw Refusal.forbidden("inbox.documents.notYours");
    }
    if (!processes.running(process)) {
      throw Refusal.conflict("inbox.documents.processEnded");
    }
    return store.add(process, documentId, uploads.check(fileName, content), who.personId());
  }

  /**
   * Checks a file against the upload rules without storing it: its safe name and the media type
   * detected on its content, or the refusal an upload would get.
   */
  public DocumentVersion check(String fileName, byte[] content) {
    UploadCheck.Upload upload = uploads.check(fileName, content);
    return new DocumentVersion(
        null, 0, upload.name(), upload.mediaType(), content.length, null, null, null, null, null);
  }

  /**
   * Stores and publishes a text a running process wrote itself (an adopted declaration, say): a new
   * document of the process, checked as an upload is, published at once by {@code by} (the process
   * acts, so no participant is checked).
   */
  @Transactional
  public DocumentVersion publishNew(String process, String fileName, byte[] content, String by) {
    if (!processes.running(process)) {
      throw Refusal.conflict("inbox.documents.processEnded");
    }
    DocumentVersion stored = store.add(process, null, uploads.check(fileName, content), by);
    store.markPublished(stored.documentId(), stored.version(), by);
    return store
        .version(stored.documentId(), stored.version())
        .orElseThrow(() -> Refusal.notFound("inbox.documents.unknown"));
  }

  /** The documents of a process, for someone who takes part in it; empty for anyone else. */
  public List<Document> of(Participant who, String processInstanceId) {
    return processes.participates(who, processInstanceId) ? store.of(processInstanceId) : List.of();
  }

  /** One version's content. */
  public DocumentContent content(Participant who, String documentId, int version) {
    return new DocumentContent(version(who, documentId, version), store.bytes(documentId, version));
  }

  /** The process a document belongs to, for someone who takes part in it. */
  public String processOf(Participant who, String documentId) {
    String process =
        known(documentId)
            .flatMap(store::processOf)
            .orElseThrow(() -> Refusal.notFound("inbox.documents.unknown"));
    if (!processes.participates(who, process)) {
      throw Refusal.forbidden("inbox.documents.notYours");
    }
    return process;
  }

  /** One version, without its content. */
  public DocumentVersion version(Participant who, String documentId, int version) {
    String process =
        known(documentId)
            .flatMap(store::processOf)
            .orElseThrow(() -> Refusal.notFound("inbox.documents.unknown"));
    if (!processes.participates(who, process)) {
      throw Refusal.forbidden("inbox.documents.notYours");
    }
    return store
        .version(documentId, version)
        .orElseThrow(() -> Refusal.notFound("inbox.documents.unknown"));
  }

  /**
   * A unified diff of a text version against the previous one ({@link TextDiff}); empty for version
   * 1.
   */
  public List<String> diff(Participant who, String documentId, int version) {
    DocumentContent current = content(who, documentId, version);
    if (version <= 1) {
      return List.of();
    }
    DocumentContent previous = content(who, documentId, version - 1);
    return TextDiff.unified(previous, current, uploads.settings().diffMaxLines());
  }

  /** A version as a page shows it: its text as safe HTML, a PDF inline, else a download. */
  public DocumentText text(Participant who, String documentId, int version) {
    return TextViews.view(content(who, documentId, version));
  }

  /**
   * The words changed in a text version since the previous one ({@link WordDiff}); empty for
   * version 1, and for a version that is not a text.
   */
  public List<WordDiff.Line> changes(Participant who, String documentId, int version) {
    DocumentContent current = content(who, documentId, version);
    if (version <= 1 || !current.version().text()) {
      return List.of();
    }
    DocumentContent previous = content(who, documentId, version - 1);
    if (!previous.version().text()) {
      return List.of();
    }
    return TextViews.changes(previous, current, uploads.settings().diffMaxLines());
  }

  /**
   * Publishes a version: from then on the public page lists it and anyone may download it there.
   * Only the secretariat and leadership publish; publishing a published version changes nothing.
   */
  @Transactional
  public DocumentVersion publish(Participant who, String documentId, int version) {
    DocumentVersion v = version(who, documentId, version);
    if (!who.overseesAll()) {
      throw Refusal.forbidden("inbox.documents.mayNotPublish");
    }
    if (v.published()) {
      return v;
    }
    store.markPublished(documentId, version, who.personId());
    return version(who, documentId, version);
  }

  /** Every published version, newest publication first, with its document's name. */
  public List<PublishedDocument> published(int limit) {
    return store.published(limit);
  }

  /**
   * A published version's content, for anyone; an unpublished or unknown version is not found, so
   * that nobody learns whether it exists.
   */
  public DocumentContent publishedContent(String documentId, int version) {
    return known(documentId)
        .flatMap(id -> store.publishedContent(id, version))
        .orElseThrow(() -> Refusal.notFound("inbox.documents.unknown"));
  }

  /** A document id that may exist (ids are UUIDs), or nothing. */
  private static Optional<String> known(String documentId) {
    return Optional.ofNullable(documentId).filter(id -> id.length() <= 36);
  }
}
