package org.govflow.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: a person creates one for a script, sees it once, and revokes it. Only the
 * token's SHA-256 is stored; a token is 32 random bytes, so a slow password hash would add nothing
 * but cost on every API call.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessTokens {

  /** What every token starts with, so that it is told apart from an OpenID Connect JWT. */
  static final String PREFIX = "gfpat_";

  /** How many tokens a person may hold at once. */
  static final int MAX_PER_PERSON = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  record Created(String id, String name, String token) {}

  record Listed(String id, String name, Instant created, Instant lastUsed) {}

  private final JdbcClient jdbc;

  @Transactional
  Created create(String personId, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into access_token (id, person_id, name, token_hash, created_at)"
                + " values (:id, :person, :name, :hash, :now)")
        .param("id", id)
        .param("person", personId)
        .param("name", name)
        .param("hash", hash(token))
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return new Created(id, name, token);
  }

  int count(String personId) {
    return jdbc.sql("select count(*) from access_token where person_id = :person")
        .param("person", personId)
        .query(Integer.class)
        .single();
  }

  List<Listed> of(String personId) {
    return jdbc.sql(
            "select id, name, created_at, last_used_at from access_token"
                + " where person_id = :person order by created_at desc")
        .param("person", personId)
        .query(
            (rs, i) ->
                new Listed(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Revokes one of the person's tokens; false when they hold no token by that id. */
  boolean revoke(String personId, String id) {
    return jdbc.sql("delete from access_token where id = :id and person_id = :person")
            .param("id", id)
            .param("person", personId)
            .update()
        == 1;
  }

  /**
   * The person a token belongs to, if it is one of ours and not revoked. Its last use is written at
   * most once a minute ({@link #LAST_USED_PRECISION}): a script calling many times a second reads
   * one row per call instead of also writing it.
   */
  Optional<String> personOf(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = Instant.now();
    Optional<Used> used =
        jdbc.sql("select person_id, last_used_at from access_token where token_hash = :hash")
            .param("hash", hash)
            .query(
                (rs, i) ->
                    new Used(
                        rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
            .optional();
    used.filter(u -> u.lastUsed() == null || u.lastUsed().isBefore(now.minus(LAST_USED_PRECISION)))
        .ifPresent(
            u ->
                jdbc.sql("update access_token set last_used_at = :now where token_hash = :hash")
                    .param("now", Timestamp.from(now))
                    .param("hash", hash)
                    .update());
    return used.map(Used::personId);
  }

  /** How stale a token's last use may be shown. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private record Used(String personId, Instant lastUsed) {}

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
