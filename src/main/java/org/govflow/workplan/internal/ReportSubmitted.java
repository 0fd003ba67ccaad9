package org.govflow.workplan.internal;

import static org.govflow.workplan.internal.CycleVariables.BODY;
import static org.govflow.workplan.internal.CycleVariables.LINES;
import static org.govflow.workplan.internal.CycleVariables.PERIOD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.govflow.workflow.Actors;
import org.springframework.stereotype.Component;

/** A body's focal point submitted the report: its lines are recorded against the actions. */
@Component("workplanReportSubmitted")
record ReportSubmitted(ReportCycle cycle) implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    cycle.submitted(
        CycleVariables.year(task),
        CycleVariables.text(task, PERIOD),
        CycleVariables.text(task, BODY),
        Actors.current(task),
        lines(CycleVariables.text(task, LINES)));
  }

  /**
   * The report's lines: JSON as the work plan pages send them, or one action a line as people write
   * them in the form: {@code ref | progress | proposal | slip days | done | evidence}.
   *
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  static List<ReportLine> lines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    if (text.strip().startsWith("[")) {
      try {
        return JSON.readValue(text, new TypeReference<List<ReportLine>>() {});
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "The report's lines are not readable: " + e.getMessage());
      }
    }
    List<ReportLine> lines = new ArrayList<>();
    String[] rows = text.split("\\r?\\n");
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].isBlank()) {
        continue;
      }
      String[] cells = rows[i].split("\\|", 6);
      try {
        lines.add(
            new ReportLine(
                cells[0].trim(),
                Integer.parseInt(cells[1].trim()),
                cell(cells, 2),
                cell(cells, 3) == null ? 0 : Integer.parseInt(cell(cells, 3)),
                cell(cells, 4),
                cell(cells, 5)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(String.valueOf(i + 1));
      }
    }
    return lines;
  }

  private static String cell(String[] cells, int index) {
    if (index >= cells.length || cells[index].isBlank()) {
      return null;
    }
    return cells[index].trim();
  }

  static String json(List<ReportLine> lines) {
    try {
      return JSON.writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
