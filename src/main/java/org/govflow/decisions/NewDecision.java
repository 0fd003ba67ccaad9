package org.govflow.decisions;

import java.time.Instant;
import java.util.List;

/**
 * A decision as a process or the secretariat records it.
 *
 * @param bodyId the body that decided
 * @param processKey the process it belongs to (e.g. policy-recommendation), if any
 * @param processInstanceId the engine's process instance, if any
 * @param businessKey the readable key (e.g. REC-RTC-2026-003), if any
 * @param subject what was decided, as members read it
 * @param outcome adopted, rejected, endorsed, returned, withdrawn, approved, ...
 * @param votes the count, where there was a vote
 * @param namedVotes each member's vote, where votes are named
 * @param quorum quorum at the time, where it was checked
 * @param rule the DMN table and version applied
 * @param documentSha256 the SHA-256 of the document version decided on
 * @param decidedAt when the body decided
 * @param recordedBy the person (or "system" for a process) recording it
 */
public record NewDecision(
    String bodyId,
    String processKey,
    String processInstanceId,
    String businessKey,
    String subject,
    String outcome,
    Votes votes,
    List<NamedVote> namedVotes,
    Quorum quorum,
    RuleApplied rule,
    String documentSha256,
    Instant decidedAt,
    String recordedBy) {

  public NewDecision {
    // the database keeps microseconds: the hash must be of the instant as stored, or the chain
    // breaks at an entry whose caller passed Instant.now() with nanoseconds
    decidedAt =
        decidedAt == null ? null : decidedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    namedVotes = namedVotes == null ? List.of() : List.copyOf(namedVotes);
  }
}
