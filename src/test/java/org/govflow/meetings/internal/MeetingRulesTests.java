package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule tables in bpmn/, evaluated as the engine evaluates them, at their edges. */
class MeetingRulesTests {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "{0}, reconvening {1}: {2} days")
  @CsvSource({
    "world-council, false, 30",
    "executive-bureau, false, 21",
    "general-assembly, false, 60",
    "council-right-to-city, false, 14",
    "council-opportunities-culture-diplomacy, false, 14",
    "council-multilevel-finance, false, 14",
    "council-resilient-cities, false, 14",
    "world-council, true, 7",
    "general-assembly, true, 7",
  })
  void noticePeriodsPerBody(String body, boolean reconvening, int days) {
    var result = evaluate("meeting-notice", Map.of("body", body, "reconvening", reconvening));
    assertThat(result.<Integer>getSingleEntry()).isEqualTo(days);
  }

  @ParameterizedTest(name = "{0}: {1} present + {2} represented of {3} -> {5} (needs {4})")
  @CsvSource({
    // exactly at the threshold: more than half of 25 is 13
    "world-council, 13, 0, 25, 13, true",
    "world-council, 12, 0, 25, 13, false",
    // proxies count: 10 present carrying 3 proxies reach 13
    "world-council, 10, 3, 25, 13, true",
    "world-council, 10, 2, 25, 13, false",
    // an even membership: more than half of 12 is 7
    "executive-bureau, 7, 0, 12, 7, true",
    "executive-bureau, 6, 0, 12, 7, false",
    "executive-bureau, 5, 1, 12, 7, false",
    // a third of 80 is 27 (rounded up)
    "general-assembly, 27, 0, 80, 27, true",
    "general-assembly, 20, 6, 80, 27, false",
    "general-assembly, 20, 7, 80, 27, true",
    "council-right-to-city, 5, 1, 10, 6, true",
    "council-right-to-city, 4, 1, 10, 6, false",
  })
  void quorumOfPresentAndRepresentedMembers(
      String body, int present, int represented, int membership, int required, boolean met) {
    DmnDecisionResultEntries result =
        evaluate(
                "meeting-quorum",
                Map.of(
                    "body", body,
                    "present", present,
                    "represented", represented,
                    "membership", membership))
            .getSingleResult();
    assertThat(result.<Integer>getEntry("required")).isEqualTo(required);
    assertThat(result.<Boolean>getEntry("quorumMet")).isEqualTo(met);
  }

  @ParameterizedTest(name = "{0}: {1} for, {2} against, {3} abstaining -> {4}")
  @CsvSource({
    "simple, 10, 9, 0, adopted",
    "simple, 9, 9, 5, rejected",
    "simple, 8, 9, 0, rejected",
    // abstentions are not votes cast
    "simple, 2, 1, 20, adopted",
    "simple, 0, 0, 5, rejected",
    // exactly two thirds of the votes cast
    "two-thirds, 10, 5, 0, adopted",
    "two-thirds, 9, 5, 0, rejected",
    "two-thirds, 16, 8, 3, adopted",
    "two-thirds, 15, 8, 3, rejected",
    "two-thirds, 2, 1, 0, adopted",
    "two-thirds, 1, 1, 0, rejected",
    "two-thirds, 0, 0, 0, rejected",
    "two-thirds, 1, 0, 9, adopted",
  })
  void majorityRules(String majority, int inFavour, int against, int abstaining, String outcome) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("majority", majority);
    variables.put("votesFor", inFavour);
    variables.put("votesAgainst", against);
    variables.put("abstentions", abstaining);
    assertThat(evaluate("meeting-majority", variables).<String>getSingleEntry()).isEqualTo(outcome);
  }

  private static org.camunda.bpm.dmn.engine.DmnDecisionResult evaluate(
      String key, Map<String, Object> variables) {
    try (InputStream in = new FileInputStream("bpmn/" + key + ".dmn")) {
      DmnDecision decision = DMN.parseDecision(key, in);
      return DMN.evaluateDecision(decision, new HashMap<>(variables));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
