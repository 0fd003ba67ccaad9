package org.govflow.declaration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.internal.Amendment.Kind;
import org.govflow.declaration.internal.Disposition.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The declarations' own tables: the text's versions, amendments, resolutions, round answers. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationRepository {

  /** A declaration as launched, and where it stands. */
  record Row(
      String processInstanceId,
      String businessKey,
      String title,
      String authenticLanguage,
      int rounds,
      List<String> groups,
      int currentRound,
      boolean roundOpen,
      Instant roundEnds,
      Stage stage,
      String launchedBy,
      Instant launchedAt) {}

  /** A stored version of the text in one language. */
  record StoredVersion(int number, String createdBy, Instant createdAt, TextVersion text) {}

  /** An amendment as filed, with its disposition once given. */
  record Filed(
      Amendment amendment,
      int round,
      int versionNumber,
      String filedBy,
      Instant filedAt,
      boolean withdrawn,
      Disposition disposition,
      String disposedBy,
      Instant disposedAt) {}

  /** An adopted text as published through the documents module, in one language. */
  record Publication(
      String language,
      int versionNumber,
      String textSha256,
      String authenticSha256,
      long decisionId,
      String documentId,
      int documentVersion,
      String fileName,
      String documentSha256,
      Instant publishedAt) {}

  /** What a contributor group did in a round. */
  record RoundAnswer(int round, String groupId, String answer, String answeredBy, Instant at) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getString("process_instance_id"),
              rs.getString("business_key"),
              rs.getString("title"),
              rs.getString("authentic_language"),
              rs.getInt("rounds"),
              Arrays.stream(rs.getString("contributor_groups").split(","))
                  .filter(s -> !s.isBlank())
                  .toList(),
              rs.getInt("current_round"),
              rs.getBoolean("round_open"),
              at(rs, "round_ends"),
              Stage.of(rs.getString("stage")),
              rs.getString("launched_by"),
              at(rs, "launched_at"));

  private static final RowMapper<Filed> FILED =
      (rs, n) -> {
        String disposition = rs.getString("disposition");
        return new Filed(
            new Amendment(
                rs.getLong("id"),
                rs.getString("group_id"),
                Kind.parse(rs.getString("kind")),
                rs.getString("paragraph_id"),
                rs.getString("proposed_text"),
                rs.getString("justification")),
            rs.getInt("round"),
            rs.getInt("version_number"),
            rs.getString("filed_by"),
            at(rs, "filed_at"),
            rs.getTimestamp("withdrawn_at") != null,
            disposition == null
                ? null
                : new Disposition(
                    Outcome.parse(disposition),
                    rs.getString("committee_text"),
                    rs.getString("disposition_reason")),
            rs.getString("disposed_by"),
            at(rs, "disposed_at"));
      };

  private final JdbcTemplate jdbc;

  void insert(Row row) {
    jdbc.update(
        "insert into declaration (process_instance_id, business_key, title, authentic_language,"
            + " rounds, contributor_groups, current_round, round_open, round_ends, stage,"
            + " launched_by, launched_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.processInstanceId(),
        row.businessKey(),
        row.title(),
        row.authenticLanguage(),
        row.rounds(),
        String.join(",", row.groups()),
        row.currentRound(),
        row.roundOpen(),
        ts(row.roundEnds()),
        row.stage().code(),
        row.launchedBy(),
        ts(row.launchedAt()));
  }

  Optional<Row> byProcess(String processInstanceId) {
    return jdbc
        .query("select * from declaration where process_instance_id = ?", ROW, processInstanceId)
        .stream()
        .findFirst();
  }

  Optional<Row> byBusinessKey(String businessKey) {
    return jdbc.query("select * from declaration where business_key = ?", ROW, businessKey).stream()
        .findFirst();
  }

  List<Row> all() {
    return jdbc.query("select * from declaration order by launched_at desc, business_key", ROW);
  }

  void round(String processInstanceId, int round, boolean open, Instant ends) {
    jdbc.update(
        "update declaration set current_round = ?, round_open = ?, round_ends = ? where"
            + " process_instance_id = ?",
        round,
        open,
        ts(ends),
        processInstanceId);
  }

  void closeRound(String processInstanceId) {
    jdbc.update(
        "update declaration set round_open = false where process_instance_id = ?",
        processInstanceId);
  }

  void stage(String processInstanceId, Stage stage) {
    jdbc.update(
        "update declaration set stage = ? where process_instance_id = ?",
        stage.code(),
        processInstanceId);
  }

  void version(String processInstanceId, int number, TextVersion text, String by, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var s =
              c.prepareStatement(
                  "insert into declaration_version (process_instance_id, version_number, language,"
                      + " sha256, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          s.setString(1, processInstanceId);
          s.setInt(2, number);
          s.setString(3, text.language());
          s.setString(4, text.sha256());
          s.setString(5, by);
          s.setTimestamp(6, Timestamp.from(at));
          return s;
        },
        keys);
    long id = keys.getKey().longValue();
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (Paragraph p : text.paragraphs()) {
      rows.add(new Object[] {id, position++, p.id(), p.number(), p.text()});
    }
    jdbc.batchUpdate(
        "insert into declaration_paragraph (version_id, position, paragraph_id, number, text)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  /** Every version in every language, oldest first, each checked against its stored SHA-256. */
  List<StoredVersion> versions(String processInstanceId) {
    Map<Long, List<Paragraph>> paragraphs = new LinkedHashMap<>();
    jdbc.query(
        "select p.* from declaration_paragraph p join declaration_version v on v.id = p.version_id"
            + " where v.process_instance_id = ? order by p.version_id, p.position",
        rs -> {
          paragraphs
              .computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
              .add(
                  new Paragraph(
                      rs.getString("paragraph_id"), rs.getString("number"), rs.getString("text")));
        },
        processInstanceId);
    return jdbc.query(
        "select * from declaration_version where process_instance_id = ? order by version_number,"
            + " id",
        (rs, n) ->
            new StoredVersion(
                rs.getInt("version_number"),
                rs.getString("created_by"),
                at(rs, "created_at"),
                new TextVersion(
                    rs.getString("language"),
                    paragraphs.getOrDefault(rs.getLong("id"), List.of()),
                    rs.getString("sha256"))),
        processInstanceId);
  }

  long amendment(
      String processInstanceId,
      int round,
      int versionNumber,
      String groupId,
      Kind kind,
      String paragraphId,
      String text,
      String justification,
      String by,
      Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var s =
              c.prepareStatement(
                  "insert into declaration_amendment (process_instance_id, round, version_number,"
                      + " group_id, kind, paragraph_id, proposed_text, justification, filed_by,"
                      + " filed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          s.setString(1, processInstanceId);
          s.setInt(2, round);
          s.setInt(3, versionNumber);
          s.setString(4, groupId);
          s.setString(5, kind.wire());
          s.setString(6, paragraphId);
          s.setString(7, text);
          s.setString(8, justification);
          s.setString(9, by);
          s.setTimestamp(10, Timestamp.from(at));
          return s;
        },
        keys);
    return keys.getKey().longValue();
  }

  void editAmendment(long id, Kind kind, String paragraphId, String text, String justification) {
    jdbc.update(
        "update declaration_amendment set kind = ?, paragraph_id = ?, proposed_text = ?,"
            + " justification = ? where id = ?",
        kind.wire(),
        paragraphId,
        text,
        justification,
        id);
  }

  void withdraw(long id, Instant at) {
    jdbc.update(
        "update declaration_amendment set withdrawn_at = ? where id = ?", Timestamp.from(at), id);
  }

  /** Sets the disposition, only if none was given: false when another got there first. */
  boolean dispose(long id, Disposition d, String by, Instant at) {
    return jdbc.update(
            "update declaration_amendment set disposition = ?, committee_text = ?,"
                + " disposition_reason = ?, disposed_by = ?, disposed_at = ? where id = ? and"
                + " disposition is null",
            d.outcome().wire(),
            d.committeeText().isEmpty() ? null : d.committeeText(),
            d.reason(),
            by,
            Timestamp.from(at),
            id)
        == 1;
  }

  /** Every amendment of the declaration, withdrawn ones included, in filing order. */
  List<Filed> amendments(String processInstanceId) {
    return jdbc.query(
        "select * from declaration_amendment where process_instance_id = ? order by id",
        FILED,
        processInstanceId);
  }

  void resolve(String processInstanceId, int round, ConflictResolution r, String by, Instant at) {
    jdbc.update(
        "delete from declaration_resolution where process_instance_id = ? and round = ? and"
            + " paragraph_id = ?",
        processInstanceId,
        round,
        r.paragraphId());
    jdbc.update(
        "insert into declaration_resolution (process_instance_id, round, paragraph_id, text,"
            + " reason, resolved_by, resolved_at) values (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        round,
        r.paragraphId(),
        r.text(),
        r.reason(),
        by,
        Timestamp.from(at));
  }

  Map<String, ConflictResolution> resolutions(String processInstanceId, int round) {
    Map<String, ConflictResolution> out = new LinkedHashMap<>();
    jdbc.query(
        "select * from declaration_resolution where process_instance_id = ? and round = ? order by"
            + " paragraph_id",
        rs -> {
          out.put(
              rs.getString("paragraph_id"),
              new ConflictResolution(
                  rs.getString("paragraph_id"), rs.getString("text"), rs.getString("reason")));
        },
        processInstanceId,
        round);
    return out;
  }

  void answer(
      String processInstanceId, int round, String groupId, String answer, String by, Instant at) {
    jdbc.update(
        "delete from declaration_round_answer where process_instance_id = ? and round = ? and"
            + " group_id = ?",
        processInstanceId,
        round,
        groupId);
    jdbc.update(
        "insert into declaration_round_answer (process_instance_id, round, group_id, answer,"
            + " answered_by, answered_at) values (?, ?, ?, ?, ?, ?)",
        processInstanceId,
        round,
        groupId,
        answer,
        by,
        Timestamp.from(at));
  }

  List<RoundAnswer> answers(String processInstanceId) {
    return jdbc.query(
        "select * from declaration_round_answer where process_instance_id = ? order by round,"
            + " group_id",
        (rs, n) ->
            new RoundAnswer(
                rs.getInt("round"),
                rs.getString("group_id"),
                rs.getString("answer"),
                rs.getString("answered_by"),
                at(rs, "answered_at")),
        processInstanceId);
  }

  void publication(String processInstanceId, Publication p) {
    jdbc.update(
        "insert into declaration_publication (process_instance_id, language, version_number,"
            + " text_sha256, authentic_sha256, decision_id, document_id, document_version,"
            + " file_name, document_sha256, published_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        p.language(),
        p.versionNumber(),
        p.textSha256(),
        p.authenticSha256(),
        p.decisionId(),
        p.documentId(),
        p.documentVersion(),
        p.fileName(),
        p.documentSha256(),
        ts(p.publishedAt()));
  }

  /** The adopted texts as published, the authentic language first. */
  List<Publication> publications(String processInstanceId) {
    return jdbc.query(
        "select * from declaration_publication where process_instance_id = ?"
            + " order by text_sha256 <> authentic_sha256, language",
        (rs, n) ->
            new Publication(
                rs.getString("language"),
                rs.getInt("version_number"),
                rs.getString("text_sha256"),
                rs.getString("authentic_sha256"),
                rs.getLong("decision_id"),
                rs.getString("document_id"),
                rs.getInt("document_version"),
                rs.getString("file_name"),
                rs.getString("document_sha256"),
                at(rs, "published_at")),
        processInstanceId);
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant at(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
