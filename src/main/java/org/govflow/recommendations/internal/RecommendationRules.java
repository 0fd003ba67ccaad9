package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govflow.forms.FieldError;
import org.govflow.forms.SubmissionRule;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The recommendation's rules a form cannot say: a co-chair launches for their own council only, a
 * council needs co-chairs and members, a request for changes, Section comments or a return say
 * what, and the consolidation waits until every comment has a disposition.
 */
@Component
record RecommendationRules(
    RecommendationRouting routing, RecommendationRecords records, MessageSource messages)
    implements SubmissionRule {

  private static final String FORMS = "policy-recommendation-";

  @Override
  public boolean appliesTo(String formId) {
    return formId.startsWith(FORMS);
  }

  @Override
  public List<FieldError> check(Submission submission) {
    Map<String, Object> values = submission.values();
    Locale locale = submission.locale();
    List<FieldError> errors = new ArrayList<>();
    switch (submission.formId().substring(FORMS.length())) {
      case "start" -> {
        String council = (String) values.get(COUNCIL);
        if (routing.coChairs(council).isEmpty() || routing.members(council).isEmpty()) {
          errors.add(error(COUNCIL, "recommendations.rule.councilEmpty", locale));
        } else if (!routing.mayLaunchFor(submission.personId(), council)) {
          errors.add(error(COUNCIL, "recommendations.rule.ownCouncil", locale));
        }
      }
      case "review" -> requireWhen(values, REVIEW, "changes", REVIEW_COMMENT, errors, locale);
      case "consult" -> requireWhen(values, RESPONSE, "comments", COMMENTS, errors, locale);
      case "endorse" ->
          requireWhen(values, ENDORSEMENT, "return", PRESIDENCY_COMMENT, errors, locale);
      case "consolidate" -> {
        long missing = records.commentsWithoutDisposition(submission.processInstanceId());
        if (missing > 0) {
          errors.add(
              new FieldError(
                  DOCUMENT,
                  messages.getMessage(
                      "recommendations.rule.dispositionsMissing", new Object[] {missing}, locale)));
        }
      }
      default -> {}
    }
    return errors;
  }

  private void requireWhen(
      Map<String, Object> values,
      String choice,
      String value,
      String field,
      List<FieldError> errors,
      Locale locale) {
    Object text = values.get(field);
    if (value.equals(values.get(choice)) && (text == null || text.toString().isBlank())) {
      errors.add(error(field, "recommendations.rule.sayWhy", locale));
    }
  }

  private FieldError error(String field, String key, Locale locale) {
    return new FieldError(field, messages.getMessage(key, null, locale));
  }
}
