package org.govflow.decisions.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.govflow.decisions.Decision;
import org.govflow.decisions.NamedVote;
import org.govflow.decisions.NewDecision;
import org.govflow.directory.Directory;

/** A register entry as the API shows it, with the body's name in the reader's language. */
record DecisionView(
    long id,
    String bodyId,
    String bodyName,
    String processKey,
    String processInstanceId,
    String businessKey,
    String subject,
    String outcome,
    VotesView votes,
    List<NamedVote> namedVotes,
    QuorumView quorum,
    RuleView rule,
    String documentSha256,
    Instant decidedAt,
    Instant recordedAt,
    String recordedBy,
    Long corrects,
    Long correctedBy,
    boolean published,
    String previousHash,
    String hash) {

  record VotesView(@JsonProperty("for") int inFavour, int against, int abstain, int absent) {}

  record QuorumView(int present, int required, boolean met) {}

  record RuleView(String key, int version) {}

  static DecisionView of(Decision decision, Directory directory, Locale locale) {
    NewDecision d = decision.content();
    return new DecisionView(
        decision.id(),
        d.bodyId(),
        directory.body(d.bodyId()).map(b -> b.name().in(locale)).orElse(d.bodyId()),
        d.processKey(),
        d.processInstanceId(),
        d.businessKey(),
        d.subject(),
        d.outcome(),
        d.votes() == null
            ? null
            : new VotesView(
                d.votes().inFavour(),
                d.votes().against(),
                d.votes().abstentions(),
                d.votes().absent()),
        d.namedVotes(),
        d.quorum() == null
            ? null
            : new QuorumView(d.quorum().present(), d.quorum().required(), d.quorum().met()),
        d.rule() == null ? null : new RuleView(d.rule().key(), d.rule().version()),
        d.documentSha256(),
        d.decidedAt(),
        decision.recordedAt(),
        d.recordedBy(),
        decision.corrects(),
        decision.correctedBy(),
        decision.published(),
        decision.previousHash(),
        decision.hash());
  }
}
