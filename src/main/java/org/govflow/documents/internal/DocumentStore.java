package org.govflow.documents.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.Document;
import org.govflow.documents.DocumentContent;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.PublishedDocument;
import org.govflow.web.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code document} and {@code document_version}: every version with its content and
 * SHA-256, who stored and who published it. No access rules here: {@link DocumentAccess} has them.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DocumentStore {

  private static final RowMapper<DocumentVersion> VERSION =
      (rs, n) ->
          new DocumentVersion(
              rs.getString("document_id"),
              rs.getInt("version"),
              rs.getString("file_name"),
              rs.getString("media_type"),
              rs.getLong("size_bytes"),
              rs.getString("sha256").trim(),
              rs.getTimestamp("created_at").toInstant(),
              rs.getString("created_by"),
              Optional.ofNullable(rs.getTimestamp("published_at"))
                  .map(Timestamp::toInstant)
                  .orElse(null),
              rs.getString("published_by"));

  private static final String VERSION_COLUMNS =
      "document_id, version, file_name, media_type, size_bytes, sha256, created_at, created_by";

  private static final String READ_COLUMNS = VERSION_COLUMNS + ", published_at, published_by";

  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  /**
   * Stores a checked upload as a new document of the process, or as the next version of one of its
   * documents.
   *
   * @param documentId null (or blank) for a new document
   */
  DocumentVersion add(
      String processInstanceId, String documentId, UploadCheck.Upload upload, String personId) {
    Timestamp now = Timestamp.from(clock.instant());
    String id;
    int version;
    if (documentId == null || documentId.isBlank()) {
      id = UUID.randomUUID().toString();
      version = 1;
      jdbc.update(
          "insert into document (id, process_instance_id, name, last_version, created_at, created_by)"
              + " values (?, ?, ?, 1, ?, ?)",
          id,
          processInstanceId,
          upload.name(),
          now,
          personId);
    } else {
      id = documentId;
      // the row lock orders concurrent new versions of one document
      int updated =
          jdbc.update(
              "update document set last_version = last_version + 1"
                  + " where id = ? and process_instance_id = ?",
              id,
              processInstanceId);
      if (updated == 0) {
        throw Refusal.notFound("inbox.documents.unknown");
      }
      version =
          jdbc.queryForObject("select last_version from document where id = ?", Integer.class, id);
    }
    byte[] content = upload.content();
    String sha256 = sha256(content);
    jdbc.update(
        "insert into document_version ("
            + VERSION_COLUMNS
            + ", content)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        version,
        upload.name(),
        upload.mediaType(),
        (long) content.length,
        sha256,
        now,
        personId,
        content);
    return new DocumentVersion(
        id,
        version,
        upload.name(),
        upload.mediaType(),
        content.length,
        sha256,
        now.toInstant(),
        personId,
        null,
        null);
  }

  /** The documents of a process with their versions, oldest first. */
  List<Document> of(String processInstanceId) {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query(
        "select id, name from document where process_instance_id = ? order by created_at, id",
        rs -> {
          names.put(rs.getString(1), rs.getString(2));
        },
        processInstanceId);
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, List<DocumentVersion>> versions = new LinkedHashMap<>();
    jdbc.query(
            "select "
                + READ_COLUMNS
                + " from document_version v where document_id in"
                + " (select id from document where process_instance_id = ?)"
                + " order by document_id, version",
            VERSION,
            processInstanceId)
        .forEach(v -> versions.computeIfAbsent(v.documentId(), k -> new ArrayList<>()).add(v));
    List<Document> documents = new ArrayList<>();
    names.forEach(
        (id, name) ->
            documents.add(
                new Document(
                    id,
                    processInstanceId,
                    name,
                    List.copyOf(versions.getOrDefault(id, List.of())))));
    return documents;
  }

  /** The process a document belongs to, if the document exists. */
  Optional<String> processOf(String documentId) {
    return jdbc
        .queryForList(
            "select process_instance_id from document where id = ?", String.class, documentId)
        .stream()
        .findFirst();
  }

  Optional<DocumentVersion> version(String documentId, int version) {
    return jdbc
        .query(
            "select "
                + READ_COLUMNS
                + " from document_version where document_id = ? and version = ?",
            VERSION,
            documentId,
            version)
        .stream()
        .findFirst();
  }

  byte[] bytes(String documentId, int version) {
    return jdbc.queryForObject(
        "select content from document_version where document_id = ? and version = ?",
        byte[].class,
        documentId,
        version);
  }

  /** Marks a version published now by this person, unless it already is. */
  void markPublished(String documentId, int version, String personId) {
    jdbc.update(
        "update document_version set published = ?, published_at = ?, published_by = ?"
            + " where document_id = ? and version = ? and published = ?",
        true,
        Timestamp.from(clock.instant()),
        personId,
        documentId,
        version,
        false);
  }

  List<PublishedDocument> published(int limit) {
    return jdbc.query(
        "select d.name, d.process_instance_id, v."
            + READ_COLUMNS.replace(", ", ", v.")
            + " from document_version v join document d on d.id = v.document_id"
            + " where v.published = ? order by v.published_at desc, v.document_id, v.version"
            + " limit ?",
        (rs, n) ->
            new PublishedDocument(
                rs.getString("name"), rs.getString("process_instance_id"), VERSION.mapRow(rs, n)),
        true,
        limit);
  }

  Optional<DocumentContent> publishedContent(String documentId, int version) {
    return jdbc
        .query(
            "select "
                + READ_COLUMNS
                + ", content from document_version"
                + " where document_id = ? and version = ? and published = ?",
            (rs, n) -> new DocumentContent(VERSION.mapRow(rs, n), rs.getBytes("content")),
            documentId,
            version,
            true)
        .stream()
        .findFirst();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
