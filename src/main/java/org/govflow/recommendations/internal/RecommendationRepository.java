package org.govflow.recommendations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.govflow.recommendations.internal.RecommendationDetails.Answer;
import org.govflow.recommendations.internal.RecommendationDetails.Review;
import org.govflow.recommendations.internal.RecommendationDetails.Vote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The recommendations' own records: reviews, Section answers with dispositions, named votes. */
@Repository
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

  RecommendationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

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
    return jdbc
        .query("select * from recommendation where process_instance_id = ?", ROW, processInstanceId)
        .stream()
        .findFirst();
  }

  Optional<Row> byBusinessKey(String businessKey) {
    return jdbc
        .query("select * from recommendation where business_key = ?", ROW, businessKey)
        .stream()
        .findFirst();
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

  void review(String processInstanceId, Review review) {
    jdbc.update(
        "insert into recommendation_review (process_instance_id, document_version, person_id,"
            + " decision, comment_text, reviewed_at) values (?, ?, ?, ?, ?, ?)",
        processInstanceId,
        review.documentVersion(),
        review.personId(),
        review.decision(),
        review.comment(),
        Timestamp.from(review.at()));
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
                rs.getTimestamp("reviewed_at").toInstant()),
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

  void vote(String processInstanceId, Vote vote) {
    jdbc.update(
        "insert into recommendation_vote (process_instance_id, round, person_id, vote, statement,"
            + " voted_at) values (?, ?, ?, ?, ?, ?)",
        processInstanceId,
        vote.round(),
        vote.personId(),
        vote.vote(),
        vote.statement(),
        Timestamp.from(vote.at()));
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
                rs.getTimestamp("voted_at").toInstant()),
        processInstanceId);
  }
}
