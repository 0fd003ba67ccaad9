package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.forms.SubmissionRule;
import org.govflow.workflow.Participant;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the renewal's forms cannot say: a counter-proposal, a return by Legal or the Presidency say
 * what; the signed copy is a document uploaded to this renewal.
 */
@Component
@RequiredArgsConstructor
class RenewalRules implements SubmissionRule {

  private static final String FORMS = "mou-renewal-";
  private static final Participant THE_PROCESS = new Participant(SYSTEM, Set.of(), true);

  private final Documents documents;
  private final MessageSource messages;

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
      case "negotiate" ->
          requireWhen(values, PARTNER_ANSWER, "counter-proposal", COUNTER_PROPOSAL, errors, locale);
      case "legal" -> requireWhen(values, LEGAL_OPINION, "return", LEGAL_COMMENT, errors, locale);
      case "approve" -> requireWhen(values, APPROVAL, "return", APPROVAL_COMMENT, errors, locale);
      case "sign" -> {
        Object id = values.get(SIGNED_DOCUMENT_ID);
        boolean uploaded =
            id != null
                && documents.of(THE_PROCESS, submission.processInstanceId()).stream()
                    .anyMatch(d -> d.id().equals(id.toString()));
        if (!uploaded) {
          errors.add(error(SIGNED_DOCUMENT_ID, "partnerships.sign.unknownDocument", locale));
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
      errors.add(error(field, "partnerships.rule.sayWhat", locale));
    }
  }

  private FieldError error(String field, String key, Locale locale) {
    return new FieldError(field, messages.getMessage(key, null, locale));
  }
}
