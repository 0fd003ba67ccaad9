package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.List;
import java.util.Map;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NamedVote;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.govflow.recommendations.internal.RecommendationRepository.Row;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.RuleTables;
import org.springframework.stereotype.Service;

/**
 * The decisions taken on a recommendation, into the decision register: the council's vote (with
 * quorum and the rule applied), the Presidency's endorsement or return, the secretariat's
 * withdrawal and the World Council's decision; the last two end it and are published. Only the
 * process's delegates call it, inside the engine's transaction (the application's).
 */
@Service
record RecommendationDecisions(
    RecommendationRepository repository, DecisionRegister register, RuleTables rules) {

  /** The council's vote: the count, each member's vote, quorum and the rule's deployed version. */
  Decision recordCouncilVote(CouncilVoteCounted vote) {
    Row row = row(vote.processInstanceId());
    List<NamedVote> named =
        repository.votes(vote.processInstanceId()).stream()
            .filter(v -> v.round() == vote.round())
            .map(v -> new NamedVote(v.personId(), v.vote()))
            .toList();
    int cast = vote.inFavour() + vote.against() + vote.abstentions();
    int absent = Math.max(0, vote.councilSize() - cast);
    return register.record(
        new NewDecision(
            row.councilId(),
            PROCESS,
            row.processInstanceId(),
            row.businessKey(),
            row.title(),
            vote.outcome(),
            new Votes(vote.inFavour(), vote.against(), vote.abstentions(), absent),
            named,
            new Quorum(
                cast, quorumRequired(vote.councilSize()), !"quorum-missed".equals(vote.outcome())),
            new RuleApplied(VOTE_RULE, rules.latestVersion(VOTE_RULE)),
            vote.documentSha256(),
            EngineClock.now(),
            SYSTEM));
  }

  /** The Presidency's endorsement, or its return of the recommendation. */
  Decision recordEndorsement(
      String processInstanceId, boolean endorsed, String personId, String documentSha256) {
    return register.record(
        withoutVote(
            PRESIDENCY,
            row(processInstanceId),
            endorsed ? "endorsed" : "returned",
            documentSha256,
            personId));
  }

  /** Withdraws the recommendation after a vote that did not adopt it: recorded and published. */
  Decision withdraw(String processInstanceId, String personId, String documentSha256) {
    Row row = row(processInstanceId);
    Outcome withdrawn = Outcome.WITHDRAWN;
    Decision decision =
        register.record(withoutVote(SECRETARIAT, row, withdrawn.code(), documentSha256, personId));
    return conclude(row, withdrawn, decision, decision.content().recordedBy());
  }

  /**
   * The World Council's decision on the recommendation: recorded in the register unless the meeting
   * that decided has recorded it already, then published, and the outcome kept on the
   * recommendation.
   *
   * @param decisionId the meeting's register entry, or null when nobody recorded it yet
   */
  Decision recordWorldCouncilDecision(
      String processInstanceId, Outcome outcome, Long decisionId, String documentSha256) {
    Row row = row(processInstanceId);
    Decision decision =
        decisionId != null
            ? register
                .find(decisionId)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "The World Council's decision #" + decisionId + " is not registered"))
            : register.record(
                withoutVote(WORLD_COUNCIL, row, outcome.code(), documentSha256, null));
    return conclude(row, outcome, decision, SYSTEM);
  }

  private Decision conclude(Row row, Outcome outcome, Decision decision, String by) {
    repository.outcome(row.processInstanceId(), outcome);
    register.publish(decision.id(), by);
    return decision;
  }

  /**
   * A decision on the recommendation that is not a counted vote here (an endorsement, a withdrawal,
   * the World Council's outcome as the meeting reports it): no votes, quorum or rule.
   *
   * @param personId who took it in a step, or null when the process records it alone
   */
  private static NewDecision withoutVote(
      String bodyId, Row row, String outcome, String documentSha256, String personId) {
    return new NewDecision(
        bodyId,
        PROCESS,
        row.processInstanceId(),
        row.businessKey(),
        row.title(),
        outcome,
        null,
        List.of(),
        null,
        null,
        documentSha256,
        EngineClock.now(),
        personId == null ? SYSTEM : personId);
  }

  private Row row(String processInstanceId) {
    return repository
        .byProcess(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No recommendation for process instance " + processInstanceId));
  }

  /**
   * The fewest votes cast that meet quorum, as the quorum table says for this council size: the
   * register shows it beside the votes cast, and no rule is repeated here.
   */
  private int quorumRequired(int councilSize) {
    for (int cast = 0; cast <= councilSize; cast++) {
      Map<String, Object> counts =
          Map.of("councilSize", councilSize, "inFavour", cast, "against", 0, "abstentions", 0);
      if (Boolean.TRUE.equals(rules.single(QUORUM_RULE, counts))) {
        return cast;
      }
    }
    return councilSize;
  }

  /** The council's vote as counted by the rules. */
  record CouncilVoteCounted(
      String processInstanceId,
      int round,
      String outcome,
      int councilSize,
      int inFavour,
      int against,
      int abstentions,
      String documentSha256) {}
}
