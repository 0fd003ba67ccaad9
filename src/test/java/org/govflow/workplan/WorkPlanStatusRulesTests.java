package org.govflow.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/workplan-status.dmn on its edges: 10 and 25 points behind, 30 days slipped, 25% elapsed. */
class WorkPlanStatusRulesTests {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision status;

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("bpmn/workplan-status.dmn"))) {
      status = DMN.parseDecision("workplan-status", in);
    }
  }

  @ParameterizedTest(name = "{0}: {1}% done, {2}% elapsed, {3} days slipped -> {4}")
  @CsvSource({
    // proposal, progress, elapsed, slip days, status
    "dropped, 40, 50, 0, dropped",
    "dropped, 100, 50, 0, dropped", // dropping wins
    ", 100, 50, 40, done",
    "on-track, 100, 100, 0, done",
    ", 0, 25, 0, not-started", // a quarter elapsed: not started yet is fine
    ", 0, 26, 0, late", // 26 points behind
    ", 0, 20, 3, at-risk", // not started but a milestone slipped
    ", 50, 60, 0, on-track", // 10 points behind
    ", 49, 60, 0, at-risk", // 11 points behind
    ", 35, 60, 0, at-risk", // 25 points behind
    ", 34, 60, 0, late", // 26 points behind
    ", 80, 50, 30, at-risk", // ahead, but 30 days slipped
    ", 80, 50, 31, late", // 31 days slipped
    ", 80, 50, 1, at-risk",
    ", 90, 50, 0, on-track", // ahead of time
    "done, 90, 100, 0, on-track" // a proposal of done below 100% does not make it done
  })
  void statusAtTheEdges(String proposal, int progress, int elapsed, int slip, String expected) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("proposal", proposal);
    vars.put("progress", progress);
    vars.put("elapsed", elapsed);
    vars.put("slipDays", slip);
    assertThat(DMN.evaluateDecisionTable(status, vars).getSingleResult().<String>getSingleEntry())
        .isEqualTo(expected);
  }
}
