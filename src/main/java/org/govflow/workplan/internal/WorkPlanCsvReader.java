package org.govflow.workplan.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a work plan from CSV, one action a row: section number, section title, kind, partner, text,
 * owner body (the last may be left out). A row with a number and title and no text only declares a
 * chapter or section; a section's parent must be declared before it. Kinds are written as their
 * letter (B, R, P), their code (basic, reinforced, partner) or their heading words. A first row
 * that is not a work plan row is a header. Comma, semicolon or tab separated.
 */
final class WorkPlanCsvReader {

  private WorkPlanCsvReader() {}

  static ParsedWorkPlan read(String content) {
    String first = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char delimiter = delimiter(first);
    List<CSVRecord> records;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(content))) {
      records = parser.getRecords();
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new WorkPlanFormatException(
          0, "workplan.import.csv-unreadable", String.valueOf(e.getMessage()));
    }
    if (records.isEmpty()) {
      throw new WorkPlanFormatException(0, "workplan.import.empty");
    }
    PlanBuilder plan = new PlanBuilder();
    int lastLine = 0;
    for (int i = 0; i < records.size(); i++) {
      CSVRecord row = records.get(i);
      int line = (int) row.getRecordNumber();
      lastLine = line;
      String number = cell(row, 0).replaceAll("\\.$", "");
      if (i == 0 && !PlanBuilder.NUMBER.matcher(number).matches()) {
        continue; // a header
      }
      if (!PlanBuilder.NUMBER.matcher(number).matches()) {
        throw new WorkPlanFormatException(line, "workplan.import.csv-section", cell(row, 0));
      }
      String title = cell(row, 1);
      if (!plan.hasSection(number)) {
        plan.section(number, title, line);
      }
      String kindCell = cell(row, 2);
      String partner = cell(row, 3);
      String text = cell(row, 4);
      if (text.isEmpty()) {
        if (!kindCell.isEmpty() || !partner.isEmpty()) {
          throw new WorkPlanFormatException(line, "workplan.import.csv-text");
        }
        continue;
      }
      ActionKind kind =
          ActionKind.parse(kindCell)
              .orElseThrow(
                  () -> new WorkPlanFormatException(line, "workplan.import.csv-kind", kindCell));
      if (kind == ActionKind.REINFORCED && !partner.isEmpty()) {
        kind = ActionKind.PARTNER;
      }
      if (kind == ActionKind.PARTNER && partner.isEmpty()) {
        throw new WorkPlanFormatException(line, "workplan.import.csv-partner");
      }
      if (kind == ActionKind.BASIC && !partner.isEmpty()) {
        throw new WorkPlanFormatException(line, "workplan.import.csv-basic-partner", partner);
      }
      plan.action(number, kind, partner, text, cell(row, 5), line);
    }
    return plan.build(lastLine);
  }

  private static String cell(CSVRecord row, int index) {
    return index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
  }

  private static char delimiter(String firstLine) {
    long semicolons = firstLine.chars().filter(c -> c == ';').count();
    long commas = firstLine.chars().filter(c -> c == ',').count();
    long tabs = firstLine.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }
}
