package org.govflow.recommendations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.recommendations.internal.RecommendationDetails.Answer;
import org.govflow.recommendations.internal.RecommendationDetails.Review;
import org.govflow.recommendations.internal.RecommendationDetails.Vote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The recommendations' own records: reviews, Section answers with dispositions, named votes. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecommendationRepository {

  /** A recommendation as launched. */
  record Row(
      String processInstanceId,
      String businessKey,
      String councilId,
      String title,
      String summary,
      String documentId,
      String rapporteur,
      Outcome outcome,
      Instant createdAt) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getString("process_instance_id"),
              rs.getString("business_key"),
              rs.getString("council_id"),
              rs.getString("title"),
              rs.getString("summary"),
              rs.getString("document_id"),
              rs.getString("rapporteur"),
              Coded.stored(Outcome.class, rs.getString("outcome")),
              rs.getTimestamp("created_at").toInstant());

  private static final RowMapper<Answer> ANSWER =
      (rs, n) ->
          new Answer(
              rs.getLong("id"),
              rs.getInt("round"),
              rs.getString("section_id"),
              Coded.stored(SectionAnswer.class, rs.getString("answer")),
              rs.getString("person_id"),
              rs.getString("comment_text"),
              rs.getTimestamp("answered_at").toInstant(),
              Coded.stored(Disposition.class, rs.getString("disposition")),
              rs.getString("disposition_reason"),
              rs.getString("disposed_by"));

  private final JdbcTemplate jdbc;

  void insert(Row row) {
    jdbc.update(
        "insert into recommendation (process_instance_id, business_key, council_id, title, summary,"
            + " document_id, rapporteur, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        row.processInstanceId(),
        row.businessKey(),
        row.councilId(),
        row.title(),
        row.summary(),
        row.documentId(),
        row.rapporteur(),
        Timestamp.from(row.createdAt()));
  }

  Optional<Row> byProcess(String processInstanceId) {
    return one("select * from recommendation where process_instance_id = ?", processInstanceId);
  }

  Optional<Row> byBusinessKey(String businessKey) {
    return one("select * from recommendation where business_key = ?", businessKey);
  }

  private Optional<Row> one(String sql, String key) {
    return jdbc.query(sql, ROW, key).stream().findFirst();
  }

  List<Row> all() {
    return jdbc.query("select * from recommendation order by created_at desc, business_key", ROW);
  }

  void outcome(String processInstanceId, Outcome outcome) {
    jdbc.update(
        "update recommendation set outcome = ? where process_instance_id = ?",
        outcome.code(),
        processInstanceId);
  }

  void review(String processInstanceId, Review r) {
    insert(
        "recommendation_review (process_instance_id, document_version, person_id, decision,"
            + " comment_text, reviewed_at)",
        processInstanceId,
        r.documentVersion(),
        r.personId(),
        r.decision(),
        r.comment(),
        r.at());
  }

  List<Review> reviews(String processInstanceId) {
    return jdbc.query(
        "select * from recommendation_review where process_instance_id = ? order by id",
        (rs, n) ->
            new Review(
                rs.getString("person_id"),
                rs.getInt("document_version"),
                rs.getString("decision"),
                rs.getString("comment_text"),
                at(rs, "reviewed_at")),
        processInstanceId);
  }

  void answer(
      String processInstanceId,
      int round,
      String sectionId,
      SectionAnswer answer,
      String personId,
      String comment,
      Instant at) {
    jdbc.update(
        "insert into recommendation_answer (process_instance_id, round, section_id, answer,"
            + " person_id, comment_text, answered_at) values (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId,
        round,
        sectionId,
        answer.code(),
        personId,
        comment,
        Timestamp.from(at));
  }

  List<Answer> answers(String processInstanceId) {
    return jdbc.query(
        "select * from recommendation_answer where process_instance_id = ? order by round, id",
        ANSWER,
        processInstanceId);
  }

  Optional<Answer> answer(String processInstanceId, long id) {
    return jdbc
        .query(
            "select * from recommendation_answer where process_instance_id = ? and id = ?",
            ANSWER,
            processInstanceId,
            id)
        .stream()
        .findFirst();
  }

  void dispose(long answerId, Disposition disposition, String reason, String by, Instant at) {
    jdbc.update(
        "update recommendation_answer set disposition = ?, disposition_reason = ?, disposed_by = ?,"
            + " disposed_at = ? where id = ?",
        disposition.code(),
        reason,
        by,
        Timestamp.from(at),
        answerId);
  }

  void vote(String processInstanceId, Vote v) {
    insert(
        "recommendation_vote (process_instance_id, round, person_id, vote, statement, voted_at)",
        processInstanceId,
        v.round(),
        v.personId(),
        v.vote(),
        v.statement(),
        v.at());
  }

  List<Vote> votes(String processInstanceId) {
    return jdbc.query(
        "select * from recommendation_vote where process_instance_id = ? order by round, id",
        (rs, n) ->
            new Vote(
                rs.getInt("round"),
                rs.getString("person_id"),
                rs.getString("vote"),
                rs.getString("statement"),
                at(rs, "voted_at")),
        processInstanceId);
  }

  /** Inserts a row: the table with its columns, then the values (instants as timestamps). */
  private void insert(String tableAndColumns, Object... values) {
    Object[] args = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      args[i] = values[i] instanceof Instant t ? Timestamp.from(t) : values[i];
    }
    jdbc.update(
        "insert into "
            + tableAndColumns
            + " values ("
            + String.join(", ", java.util.Collections.nCopies(values.length, "?"))
            + ")",
        args);
  }

  private static Instant at(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
