package org.govflow.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/recommendation-vote.dmn, table by table, on the edges: exactly at quorum, ties, abstentions.
 */
class RecommendationVoteRulesTests {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision quorum;
  private static DmnDecision majority;
  private static DmnDecision vote;

  @BeforeAll
  static void parse() throws Exception {
    quorum = parse("recommendation-quorum");
    majority = parse("recommendation-majority");
    vote = parse("recommendation-vote");
  }

  @ParameterizedTest(name = "{0} members, {1} yes {2} no {3} abstain: quorum {4}")
  @CsvSource({
    // members, yes, no, abstain, quorum met
    "7, 4, 0, 0, true", // 4 of 7: more than half
    "7, 3, 0, 0, false", // 3 of 7: just under half
    "8, 2, 1, 1, true", // exactly half
    "8, 2, 1, 0, false", // one short of half
    "7, 0, 0, 4, true", // abstentions count as present
    "2, 0, 1, 0, true",
    "7, 0, 0, 0, false"
  })
  void quorumIsHalfTheMembersVoting(int members, int yes, int no, int abstain, boolean expected) {
    assertThat(
            DMN.evaluateDecisionTable(quorum, counts(members, yes, no, abstain))
                .getSingleResult()
                .<Boolean>getSingleEntry())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} yes {1} no {2} abstain: majority {3}")
  @CsvSource({
    "4, 3, 0, true",
    "3, 3, 0, false", // a tie is not a majority
    "3, 3, 1, false",
    "1, 0, 6, true", // abstentions do not count against
    "0, 0, 7, false", // nobody for it
    "2, 3, 0, false"
  })
  void majorityIsMoreYesThanNo(int yes, int no, int abstain, boolean expected) {
    assertThat(
            DMN.evaluateDecisionTable(majority, counts(7, yes, no, abstain))
                .getSingleResult()
                .<Boolean>getSingleEntry())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} members, {1} yes {2} no {3} abstain: {4}")
  @CsvSource({
    "7, 4, 0, 0, adopted",
    "7, 1, 1, 1, quorum-missed", // a tie short of quorum: quorum decides first
    "7, 2, 2, 1, not-adopted", // exactly at quorum, tied
    "7, 3, 1, 0, adopted", // exactly at quorum
    "7, 1, 0, 3, adopted",
    "7, 0, 4, 3, not-adopted",
    "7, 3, 0, 0, quorum-missed",
    "8, 2, 2, 0, not-adopted" // 4 of 8 is exactly half
  })
  void resultCombinesQuorumAndMajority(int members, int yes, int no, int abstain, String expected) {
    assertThat(
            DMN.evaluateDecisionTable(vote, counts(members, yes, no, abstain))
                .getSingleResult()
                .<String>getSingleEntry())
        .isEqualTo(expected);
  }

  private static Map<String, Object> counts(int members, int yes, int no, int abstain) {
    return Map.of("councilSize", members, "inFavour", yes, "against", no, "abstentions", abstain);
  }

  private static DmnDecision parse(String key) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("bpmn/recommendation-vote.dmn"))) {
      return DMN.parseDecision(key, in);
    }
  }
}
