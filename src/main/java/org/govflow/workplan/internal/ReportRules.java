package org.govflow.workplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.SubmissionRule;
import org.govflow.workflow.RunningProcesses;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the report forms cannot say: every line of a report names an action of the body with a
 * progress of 0-100 and a known status proposal; a returned report says why; and the person who
 * submitted a report does not validate it (four eyes).
 */
@Component
@RequiredArgsConstructor
class ReportRules implements SubmissionRule {

  private static final Set<String> PROPOSALS =
      Set.of("on-track", "at-risk", "late", "done", "dropped");

  private final RunningProcesses processes;
  private final ReportCycle cycle;
  private final MessageSource messages;

  @Override
  public boolean appliesTo(String formId) {
    return formId.equals("workplan-report-report") || formId.equals("workplan-report-validate");
  }

  @Override
  public List<FieldError> check(Submission s) {
    int year = ((Number) processes.variable(s.processInstanceId(), CycleVariables.YEAR)).intValue();
    String period = (String) processes.variable(s.processInstanceId(), CycleVariables.PERIOD);
    String body = (String) processes.taskVariable(s.taskId(), CycleVariables.BODY);
    List<FieldError> errors = new ArrayList<>();
    if (s.formId().equals("workplan-report-validate")) {
      if (s.personId().equals(cycle.reporter(year, period, body))) {
        errors.add(error("validation", "workplan.validate.four-eyes", s));
      }
      Object comment = s.values().get(CycleVariables.RETURN_COMMENT);
      if ("returned".equals(s.values().get(CycleVariables.VALIDATION))
          && (comment == null || comment.toString().isBlank())) {
        errors.add(error("returnComment", "workplan.validate.comment", s));
      }
      return errors;
    }
    Set<String> owned =
        cycle.actionsOf(year, body).stream()
            .map(WorkPlanRepository.ActionRow::ref)
            .collect(Collectors.toSet());
    List<ReportLine> lines;
    try {
      lines = ReportSubmitted.lines((String) s.values().get(CycleVariables.LINES));
    } catch (IllegalArgumentException e) {
      return List.of(error("lines", "workplan.report.unreadable", s, e.getMessage()));
    }
    for (ReportLine line : lines) {
      if (!owned.contains(line.ref())) {
        errors.add(error("lines", "workplan.report.not-owned", s, line.ref()));
      } else if (line.progress() < 0 || line.progress() > 100 || line.slipDays() < 0) {
        errors.add(error("lines", "workplan.report.bad-progress", s, line.ref()));
      } else if (line.proposal() != null && !PROPOSALS.contains(line.proposal())) {
        errors.add(error("lines", "workplan.report.proposal", s, line.ref(), line.proposal()));
      }
    }
    if (lines.isEmpty()) {
      errors.add(error("lines", "workplan.report.empty", s));
    }
    return errors;
  }

  private FieldError error(String field, String code, Submission s, Object... args) {
    return new FieldError(field, messages.getMessage(code, args, code, s.locale()));
  }
}
