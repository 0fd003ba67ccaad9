package org.govflow.inbox.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormSubmission;
import org.govflow.forms.Forms;
import org.govflow.forms.SubmissionRule;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.springframework.stereotype.Component;

/**
 * A launch's or a completion's values, checked against their form's schema, then against the rules
 * of the module that owns the step: either's errors refuse it, beside their fields.
 */
@Component
public class SubmissionCheck {

  private final Forms forms;
  private final List<SubmissionRule> rules;

  SubmissionCheck(Forms forms, List<SubmissionRule> rules) {
    this.forms = forms;
    this.rules = List.copyOf(rules);
  }

  /**
   * The values as the schema converts them.
   *
   * @param processInstanceId the process, or null at launch
   * @param taskId the task, or null at launch
   */
  public Map<String, Object> check(
      String formId,
      String processInstanceId,
      String taskId,
      String personId,
      Map<String, ?> values,
      Locale locale,
      ZoneId zone) {
    FormSubmission submission = forms.validate(formId, values, locale, zone);
    if (!submission.valid()) {
      throw invalid(submission.errors());
    }
    SubmissionRule.Submission checked =
        new SubmissionRule.Submission(
            formId, processInstanceId, taskId, personId, submission.values(), locale);
    List<FieldError> errors = new ArrayList<>();
    for (SubmissionRule rule : rules) {
      if (rule.appliesTo(formId)) {
        errors.addAll(rule.check(checked));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return submission.values();
  }

  /** The inbox's refusal of values, with the fields to fix. */
  public static Refusal invalid(List<FieldError> errors) {
    return new Refusal(Reason.INVALID, errors, "inbox.problem.invalid");
  }

  /** The same for one field. */
  public static Refusal invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }
}
