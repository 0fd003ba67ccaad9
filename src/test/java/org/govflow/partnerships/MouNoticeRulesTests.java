package org.govflow.partnerships;

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

/** bpmn/mou-notice.dmn on its edges: month ends, leap years, the 30-day floor of tacit renewals. */
class MouNoticeRulesTests {

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision notice;

  @BeforeAll
  static void parse() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("bpmn/mou-notice.dmn"))) {
      notice = DMN.parseDecision("mou-notice", in);
    }
  }

  @ParameterizedTest(name = "{0} {1}, ends {2}, notice {3}: decide by {4}")
  @CsvSource({
    // express: the notice period back from the expiry
    "express, un-system, 2027-06-30, P3M, 2027-03-30",
    "express, un-system, 2027-12-31, P90D, 2027-10-02",
    // month ends: a day the shorter month lacks becomes its last day
    "express, association, 2027-05-31, P3M, 2027-02-28",
    "express, association, 2028-05-31, P3M, 2028-02-29", // leap year
    "express, association, 2027-03-31, P1M, 2027-02-28",
    "express, association, 2024-02-29, P1Y, 2023-02-28", // from a leap day
    "express, association, 2028-03-01, P1D, 2028-02-29",
    "express, association, 2027-03-01, P1D, 2027-02-28",
    "express, public-agency, 2027-01-15, P1M, 2026-12-15", // across the year
    // tacit with a French public agency: never later than 30 days before expiry
    "tacit, public-agency, 2027-06-30, P3M, 2027-03-30",
    "tacit, public-agency, 2027-06-30, P10D, 2027-05-31",
    "tacit, public-agency, 2028-03-30, P30D, 2028-02-29",
    "tacit, public-agency, 2028-03-30, P1M, 2028-02-29", // a month is 30 days here too
    // tacit with another partner: 15 days for the letter to arrive
    "tacit, un-system, 2027-06-30, P3M, 2027-03-15",
    "tacit, intergovernmental, 2028-03-31, P1M, 2028-02-14",
    "tacit, association, 2027-03-31, P1M, 2027-02-13"
  })
  void noticeDate(String kind, String partnerKind, String end, String period, String expected) {
    Map<String, Object> in =
        Map.of(
            "renewalKind", kind,
            "partnerKind", partnerKind,
            "termEnd", end,
            "noticePeriod", period);
    assertThat(DMN.evaluateDecisionTable(notice, in).getSingleResult().<String>getSingleEntry())
        .isEqualTo(expected);
  }
}
