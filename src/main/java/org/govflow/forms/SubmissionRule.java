package org.govflow.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule a form's schema cannot say (every comment has a disposition; the proxy holder sits in the
 * same body), checked after the schema by the module that owns the step, before anything changes. A
 * launch or a completion with errors is refused with them, beside their fields.
 */
public interface SubmissionRule {

  /** Whether the rule speaks for submissions of this form. */
  boolean appliesTo(String formId);

  /**
   * The errors in a submission the schema has accepted, in the reader's language; none when it may
   * go on.
   */
  List<FieldError> check(Submission submission);

  /**
   * A submission the schema has accepted.
   *
   * @param formId the form
   * @param processInstanceId the process, or {@code null} at launch
   * @param taskId the task, or {@code null} at launch
   * @param personId who submits
   * @param values the values, converted by the schema
   * @param locale the reader's language, for the messages
   */
  record Submission(
      String formId,
      String processInstanceId,
      String taskId,
      String personId,
      Map<String, Object> values,
      Locale locale) {}
}
