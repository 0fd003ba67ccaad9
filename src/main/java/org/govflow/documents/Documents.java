package org.govflow.documents;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govflow.documents.internal.ContentTypes;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of processes. Every version is kept with its SHA-256; only the process's
 * participants, the secretariat and leadership upload or read them.
 */
@Service
public class Documents {

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
              rs.getTimestamp("published_at") == null
                  ? null
                  : rs.getTimestamp("published_at").toInstant(),
              rs.getString("published_by"));

  private static final String VERSION_COLUMNS =
      "document_id, version, file_name, media_type, size_bytes, sha256, created_at, created_by";

  private static final String READ_COLUMNS = VERSION_COLUMNS + ", published_at, published_by";

  private final JdbcTemplate jdbc;
  private final Processes processes;
  private final DocumentSettings settings;
  private final ContentTypes types;
  private final Clock clock = Clock.systemUTC();

  Documents(JdbcTemplate jdbc, Processes processes, DocumentSettings settings, ContentTypes types) {
    this.jdbc = jdbc;
    this.processes = processes;
    this.settings = settings;
    this.types = types;
  }

  public DocumentSettings settings() {
    return settings;
  }

  /**
   * Stores a new document, or a new version of one of the process's documents.
   *
   * @param documentId null for a new document
   */
  @Transactional
  public DocumentVersion upload(
      Participant who,
      String processInstanceId,
      String documentId,
      String fileName,
      byte[] content) {
    if (!processes.exists(processInstanceId)) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknownProcess");
    }
    if (!processes.participates(who, processInstanceId)) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.documents.notYours");
    }
    if (!processes.running(processInstanceId)) {
      throw new Refusal(Reason.CONFLICT, "inbox.documents.processEnded");
    }
    if (content == null || content.length == 0) {
      throw new Refusal(Reason.INVALID, "inbox.documents.empty");
    }
    if (content.length > settings.maxSize().toBytes()) {
      throw new Refusal(
          Reason.TOO_LARGE, "inbox.documents.tooLarge", settings.maxSize().toMegabytes());
    }
    String name = safeName(fileName);
    String mediaType = types.detect(content, name);
    if (!settings.allowedTypes().contains(mediaType)) {
      throw new Refusal(Reason.UNSUPPORTED_TYPE, "inbox.documents.type", mediaType);
    }
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
          name,
          now,
          who.personId());
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
        throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
      }
      version =
          jdbc.queryForObject("select last_version from document where id = ?", Integer.class, id);
    }
    String sha256 = sha256(content);
    jdbc.update(
        "insert into document_version ("
            + VERSION_COLUMNS
            + ", content)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        version,
        name,
        mediaType,
        (long) content.length,
        sha256,
        now,
        who.personId(),
        content);
    return new DocumentVersion(
        id,
        version,
        name,
        mediaType,
        content.length,
        sha256,
        now.toInstant(),
        who.personId(),
        null,
        null);
  }

  /** The documents of a process, for someone who takes part in it; empty for anyone else. */
  @Transactional(readOnly = true)
  public List<Document> of(Participant who, String processInstanceId) {
    if (!processes.participates(who, processInstanceId)) {
      return List.of();
    }
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

  /** One version's content. */
  @Transactional(readOnly = true)
  public DocumentContent content(Participant who, String documentId, int version) {
    DocumentVersion v = version(who, documentId, version);
    byte[] bytes =
        jdbc.queryForObject(
            "select content from document_version where document_id = ? and version = ?",
            byte[].class,
            documentId,
            version);
    return new DocumentContent(v, bytes);
  }

  /**
   * Publishes a version: from then on the public page lists it and anyone may download it there.
   * Only the secretariat and leadership publish; publishing a published version changes nothing.
   */
  @Transactional
  public DocumentVersion publish(Participant who, String documentId, int version) {
    DocumentVersion v = version(who, documentId, version);
    if (!who.overseesAll()) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.documents.mayNotPublish");
    }
    if (v.published()) {
      return v;
    }
    jdbc.update(
        "update document_version set published = ?, published_at = ?, published_by = ?"
            + " where document_id = ? and version = ? and published = ?",
        true,
        Timestamp.from(clock.instant()),
        who.personId(),
        documentId,
        version,
        false);
    return version(who, documentId, version);
  }

  /** Every published version, newest publication first, with its document's name. */
  @Transactional(readOnly = true)
  public List<PublishedDocument> published(int limit) {
    return jdbc.query(
        "select d.name, v."
            + READ_COLUMNS.replace(", ", ", v.")
            + " from document_version v join document d on d.id = v.document_id"
            + " where v.published = ? order by v.published_at desc, v.document_id, v.version"
            + " limit ?",
        (rs, n) -> new PublishedDocument(rs.getString("name"), VERSION.mapRow(rs, n)),
        true,
        limit);
  }

  /**
   * A published version's content, for anyone; an unpublished or unknown version is not found, so
   * that nobody learns whether it exists.
   */
  @Transactional(readOnly = true)
  public DocumentContent publishedContent(String documentId, int version) {
    if (documentId == null || documentId.length() > 36) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
    }
    List<DocumentContent> found =
        jdbc.query(
            "select "
                + READ_COLUMNS
                + ", content from document_version"
                + " where document_id = ? and version = ? and published = ?",
            (rs, n) -> new DocumentContent(VERSION.mapRow(rs, n), rs.getBytes("content")),
            documentId,
            version,
            true);
    if (found.isEmpty()) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
    }
    return found.get(0);
  }

  /**
   * A unified diff of a text version against the previous one; empty for version 1.
   *
   * @return the diff's lines
   */
  @Transactional(readOnly = true)
  public List<String> diff(Participant who, String documentId, int version) {
    DocumentContent current = content(who, documentId, version);
    if (version <= 1) {
      return List.of();
    }
    DocumentContent previous = content(who, documentId, version - 1);
    if (!current.version().text() || !previous.version().text()) {
      throw new Refusal(Reason.INVALID, "inbox.documents.notText");
    }
    List<String> before = lines(previous.bytes());
    List<String> after = lines(current.bytes());
    if (before.size() > settings.diffMaxLines() || after.size() > settings.diffMaxLines()) {
      throw new Refusal(Reason.INVALID, "inbox.documents.tooLongToCompare");
    }
    Patch<String> patch = DiffUtils.diff(before, after);
    return UnifiedDiffUtils.generateUnifiedDiff(
        previous.version().fileName() + " (v" + (version - 1) + ")",
        current.version().fileName() + " (v" + version + ")",
        before,
        patch,
        3);
  }

  private DocumentVersion version(Participant who, String documentId, int version) {
    if (documentId == null || documentId.length() > 36) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
    }
    List<String> process =
        jdbc.queryForList(
            "select process_instance_id from document where id = ?", String.class, documentId);
    if (process.isEmpty()) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
    }
    if (!processes.participates(who, process.get(0))) {
      throw new Refusal(Reason.FORBIDDEN, "inbox.documents.notYours");
    }
    List<DocumentVersion> found =
        jdbc.query(
            "select "
                + READ_COLUMNS
                + " from document_version where document_id = ? and version = ?",
            VERSION,
            documentId,
            version);
    if (found.isEmpty()) {
      throw new Refusal(Reason.NOT_FOUND, "inbox.documents.unknown");
    }
    return found.get(0);
  }

  private static List<String> lines(byte[] bytes) {
    return List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R", -1));
  }

  /**
   * A file name safe to store and to send back: no folders, no control characters, no quotes or
   * separators a header could be broken with, at most 200 characters.
   */
  public static String safeName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"';:*?<>|]", "_").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.codePointCount(0, name.length()) > 200) {
      name = name.substring(0, name.offsetByCodePoints(0, 200));
    }
    return name.isBlank() ? "document" : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
