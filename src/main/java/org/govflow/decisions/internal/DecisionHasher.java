package org.govflow.decisions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govflow.decisions.NewDecision;

/**
 * The hash of a register entry: SHA-256 over the previous entry's hash and a canonical JSON of
 * every recorded field, in a fixed order. Changing any field, or the order of entries, changes it.
 */
final class DecisionHasher {

  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionHasher() {}

  static String hash(
      String previousHash, long id, Instant recordedAt, NewDecision d, Long corrects) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("recordedAt", recordedAt.toString());
    fields.put("recordedBy", d.recordedBy());
    fields.put("bodyId", d.bodyId());
    fields.put("processKey", d.processKey());
    fields.put("processInstanceId", d.processInstanceId());
    fields.put("businessKey", d.businessKey());
    fields.put("subject", d.subject());
    fields.put("outcome", d.outcome());
    fields.put(
        "votes",
        d.votes() == null
            ? null
            : List.of(
                d.votes().inFavour(),
                d.votes().against(),
                d.votes().abstentions(),
                d.votes().absent()));
    fields.put(
        "namedVotes", d.namedVotes().stream().map(v -> List.of(v.personId(), v.vote())).toList());
    fields.put(
        "quorum",
        d.quorum() == null
            ? null
            : List.of(d.quorum().present(), d.quorum().required(), d.quorum().met()));
    fields.put("rule", d.rule() == null ? null : List.of(d.rule().key(), d.rule().version()));
    fields.put("documentSha256", d.documentSha256());
    fields.put("decidedAt", d.decidedAt().toString());
    fields.put("corrects", corrects);
    try {
      return sha256(previousHash + "\n" + JSON.writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
