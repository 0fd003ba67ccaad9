package org.govflow.meetings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;

/**
 * Field errors gathered while checking a meeting's values, each message already in the reader's
 * language (a field error carries a text, and these messages take arguments): the form rules and
 * the changes from a meeting's page both refuse field by field.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class FieldErrors {

  final List<FieldError> list = new ArrayList<>();
  private final MessageSource messages;
  private final Locale locale;

  /** Refuses the values as invalid when any field was found wrong. */
  void refuseIfAny() {
    if (!list.isEmpty()) {
      throw Refusal.invalid(list, "meetings.problem.invalid");
    }
  }

  void add(String field, String key, Object... args) {
    list.add(new FieldError(field, messages.getMessage(key, args, key, locale)));
  }
}
