package org.govflow.decisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionCsvTests {

  @Test
  void quotesAndLineBreaksSurviveARoundTrip() throws Exception {
    String subject = "The \"Daejeon\" Declaration,\nsecond reading";

    CSVRecord row = roundTrip(subject);

    assertThat(row.get("subject")).isEqualTo(subject);
    assertThat(row.get("for")).isEqualTo("12");
    assertThat(row.get("body")).isEqualTo("world-council");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd"})
  void cellsASpreadsheetWouldRunAreDefused(String subject) throws Exception {
    CSVRecord row = roundTrip(subject);

    assertThat(row.get("subject")).isEqualTo("'" + subject);
  }

  @Test
  void ordinaryTextIsLeftAlone() throws Exception {
    assertThat(roundTrip("Budget 2026 - first reading").get("subject"))
        .isEqualTo("Budget 2026 - first reading");
  }

  private static CSVRecord roundTrip(String subject) throws Exception {
    DecisionView view =
        new DecisionView(
            7,
            "world-council",
            "World Council",
            "policy-recommendation",
            "pi-1",
            "REC-RTC-2026-003",
            subject,
            "adopted",
            new DecisionView.VotesView(12, 3, 1, 4),
            List.of(),
            new DecisionView.QuorumView(16, 11, true),
            new DecisionView.RuleView("majority", 2),
            "a".repeat(64),
            Instant.parse("2026-03-01T10:00:00Z"),
            Instant.parse("2026-03-01T10:05:00Z"),
            "officer",
            null,
            null,
            true,
            "0".repeat(64),
            "b".repeat(64));
    StringWriter out = new StringWriter();
    DecisionCsv.write(List.of(view), out);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
