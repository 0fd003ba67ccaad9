package org.govflow.decisions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The register as CSV for spreadsheets. Text cells that a spreadsheet would take for a formula
 * (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe, so opening an
 * export never runs anything (OWASP "CSV injection").
 */
final class DecisionCsv {

  static final String[] HEADER = {
    "id",
    "body",
    "process",
    "business_key",
    "subject",
    "outcome",
    "for",
    "against",
    "abstain",
    "absent",
    "quorum_present",
    "quorum_required",
    "quorum_met",
    "rule",
    "rule_version",
    "document_sha256",
    "decided_at",
    "recorded_at",
    "recorded_by",
    "corrects",
    "published",
    "hash"
  };

  private DecisionCsv() {}

  static void write(List<DecisionView> decisions, Writer out) {
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
      for (DecisionView d : decisions) {
        List<Object> row = new ArrayList<>();
        row.add(d.id());
        row.add(safe(d.bodyId()));
        row.add(safe(d.processKey()));
        row.add(safe(d.businessKey()));
        row.add(safe(d.subject()));
        row.add(safe(d.outcome()));
        row.add(d.votes() == null ? null : d.votes().inFavour());
        row.add(d.votes() == null ? null : d.votes().against());
        row.add(d.votes() == null ? null : d.votes().abstain());
        row.add(d.votes() == null ? null : d.votes().absent());
        row.add(d.quorum() == null ? null : d.quorum().present());
        row.add(d.quorum() == null ? null : d.quorum().required());
        row.add(d.quorum() == null ? null : d.quorum().met());
        row.add(d.rule() == null ? null : safe(d.rule().key()));
        row.add(d.rule() == null ? null : d.rule().version());
        row.add(d.documentSha256());
        row.add(d.decidedAt());
        row.add(d.recordedAt());
        row.add(safe(d.recordedBy()));
        row.add(d.corrects());
        row.add(d.published());
        row.add(d.hash());
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }
}
