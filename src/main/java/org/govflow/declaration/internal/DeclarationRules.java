package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.SubmissionRule;
import org.govflow.web.Refusal;
import org.govflow.workflow.RunningProcesses;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The declaration's rules a form cannot say, checked before the engine moves: a zero draft that
 * splits into numbered paragraphs, a committee that has disposed of everything, a translation with
 * every paragraph of the authentic text, a return that says why.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationRules implements SubmissionRule {

  private static final String FORMS = PROCESS + "-";

  private final DeclarationTexts texts;
  private final RunningProcesses processes;
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
    try {
      switch (submission.formId().substring(FORMS.length())) {
        case "start" -> {
          refusal(errors, DRAFT, locale, () -> ZeroDraft.parse((String) values.get(DRAFT)));
          if (list(values.get(GROUPS)).isEmpty()) {
            errors.add(error(GROUPS, "declaration.rule.groupsRequired", locale));
          }
        }
        case "dispose" ->
            refusal(
                errors, "intro", locale, () -> texts.checkDisposed(submission.processInstanceId()));
        case "translate" -> {
          String language = (String) processes.taskVariable(submission.taskId(), TARGET_LANGUAGE);
          refusal(
              errors,
              TRANSLATION,
              locale,
              () ->
                  Translation.of(
                      texts.current(submission.processInstanceId()).text(),
                      language,
                      (String) values.get(TRANSLATION)));
        }
        case "validate" -> {
          Object comment = values.get(VALIDATION_COMMENT);
          if ("return".equals(values.get(VALIDATION))
              && (comment == null || comment.toString().isBlank())) {
            errors.add(error(VALIDATION_COMMENT, "declaration.rule.sayWhy", locale));
          }
        }
        default -> {}
      }
    } catch (Refusal refused) {
      errors.add(new FieldError("intro", message(refused, locale)));
    }
    return errors;
  }

  private void refusal(List<FieldError> errors, String field, Locale locale, Runnable check) {
    try {
      check.run();
    } catch (Refusal refused) {
      errors.add(new FieldError(field, message(refused, locale)));
    }
  }

  private String message(Refusal refused, Locale locale) {
    return messages.getMessage(refused.messageKey(), refused.args(), locale);
  }

  private FieldError error(String field, String key, Locale locale) {
    return new FieldError(field, messages.getMessage(key, null, locale));
  }
}
