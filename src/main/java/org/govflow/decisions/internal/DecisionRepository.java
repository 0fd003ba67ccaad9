package org.govflow.decisions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionViewer;
import org.govflow.decisions.NamedVote;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register's tables. Inserts only: there is no update and no delete here. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DecisionRepository {

  private static final String SELECT =
      "select d.*, p.published_at,"
          + " (select max(c.id) from decision c where c.corrects = d.id) as corrected_by"
          + " from decision d left join decision_publication p on p.decision_id = d.id";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  /** Locks the head of the chain until the transaction ends: appends happen one at a time. */
  Head lockHead() {
    return jdbc.sql("select head, head_hash from decision_chain where id = 1 for update")
        .query((rs, n) -> new Head(rs.getLong("head"), rs.getString("head_hash")))
        .single();
  }

  void insert(
      long id, Instant recordedAt, NewDecision d, Long corrects, String previousHash, String hash) {
    jdbc.sql(
            "insert into decision (id, recorded_at, recorded_by, body_id, process_key,"
                + " process_instance_id, business_key, subject, outcome, votes_for, votes_against,"
                + " votes_abstain, votes_absent, quorum_present, quorum_required, quorum_met,"
                + " rule_key, rule_version, document_sha256, decided_at, named_votes, corrects,"
                + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            timestamp(recordedAt),
            d.recordedBy(),
            d.bodyId(),
            d.processKey(),
            d.processInstanceId(),
            d.businessKey(),
            d.subject(),
            d.outcome(),
            d.votes() == null ? null : d.votes().inFavour(),
            d.votes() == null ? null : d.votes().against(),
            d.votes() == null ? null : d.votes().abstentions(),
            d.votes() == null ? null : d.votes().absent(),
            d.quorum() == null ? null : d.quorum().present(),
            d.quorum() == null ? null : d.quorum().required(),
            d.quorum() == null ? null : d.quorum().met(),
            d.rule() == null ? null : d.rule().key(),
            d.rule() == null ? null : d.rule().version(),
            d.documentSha256(),
            timestamp(d.decidedAt()),
            d.namedVotes().isEmpty() ? null : json(d.namedVotes()),
            corrects,
            previousHash,
            hash)
        .update();
    jdbc.sql("update decision_chain set head = ?, head_hash = ? where id = 1")
        .params(id, hash)
        .update();
  }

  void publish(long id, String by, Instant at) {
    jdbc.sql(
            "insert into decision_publication (decision_id, published_at, published_by)"
                + " values (?, ?, ?)")
        .params(id, timestamp(at), by)
        .update();
  }

  Optional<Decision> find(long id) {
    return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional();
  }

  List<Decision> ofProcess(String processInstanceId) {
    return jdbc.sql(SELECT + " where d.process_instance_id = ? order by d.id")
        .param(processInstanceId)
        .query(this::map)
        .list();
  }

  List<Decision> list(DecisionFilter filter, DecisionViewer viewer, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filter.processKey() != null) {
      sql.append(" and d.process_key = ?");
      params.add(filter.processKey());
    }
    if (filter.bodyId() != null) {
      sql.append(" and d.body_id = ?");
      params.add(filter.bodyId());
    }
    if (filter.from() != null) {
      sql.append(" and d.decided_at >= ?");
      params.add(timestamp(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" and d.decided_at < ?");
      params.add(timestamp(filter.to()));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      sql.append(" and (lower(d.subject) like ? or lower(d.business_key) like ?)");
      String like =
          "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%";
      params.add(like);
      params.add(like);
    }
    if (!viewer.seesEverything()) {
      sql.append(" and (p.decision_id is not null");
      if (!viewer.bodies().isEmpty()) {
        sql.append(" or d.body_id in (")
            .append(String.join(", ", java.util.Collections.nCopies(viewer.bodies().size(), "?")))
            .append(")");
        params.addAll(viewer.bodies());
      }
      sql.append(")");
    }
    sql.append(" order by d.decided_at desc, d.id desc limit ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /** Every entry in chain order, streamed, for verification of large registers. */
  void forEachInOrder(Consumer<Decision> action) {
    jdbc.sql(SELECT + " order by d.id")
        .query((RowCallbackHandler) rs -> action.accept(map(rs, rs.getRow())));
  }

  record Head(long id, String hash) {}

  private Decision map(ResultSet rs, int n) throws SQLException {
    Integer votesFor = (Integer) rs.getObject("votes_for");
    Votes votes =
        votesFor == null
            ? null
            : new Votes(
                votesFor,
                rs.getInt("votes_against"),
                rs.getInt("votes_abstain"),
                rs.getInt("votes_absent"));
    Integer present = (Integer) rs.getObject("quorum_present");
    Quorum quorum =
        present == null
            ? null
            : new Quorum(present, rs.getInt("quorum_required"), rs.getBoolean("quorum_met"));
    String ruleKey = rs.getString("rule_key");
    RuleApplied rule = ruleKey == null ? null : new RuleApplied(ruleKey, rs.getInt("rule_version"));
    NewDecision content =
        new NewDecision(
            rs.getString("body_id"),
            rs.getString("process_key"),
            rs.getString("process_instance_id"),
            rs.getString("business_key"),
            rs.getString("subject"),
            rs.getString("outcome"),
            votes,
            namedVotes(rs.getString("named_votes")),
            quorum,
            rule,
            rs.getString("document_sha256"),
            instant(rs, "decided_at"),
            rs.getString("recorded_by"));
    Long corrects = (Long) rs.getObject("corrects");
    Object correctedBy = rs.getObject("corrected_by");
    return new Decision(
        rs.getLong("id"),
        content,
        instant(rs, "recorded_at"),
        corrects,
        correctedBy == null ? null : ((Number) correctedBy).longValue(),
        rs.getObject("published_at") != null,
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String json(List<NamedVote> votes) {
    try {
      return JSON.writeValueAsString(votes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<NamedVote> namedVotes(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<NamedVote>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable named votes: " + e.getMessage(), e);
    }
  }
}
