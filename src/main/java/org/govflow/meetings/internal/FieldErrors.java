package org.govflow.meetings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.govflow.forms.FieldError;
import org.springframework.context.MessageSource;

/**
 * Field errors gathered while checking a meeting's values, each message already in the reader's
 * language: the form rules and the changes from a meeting's page both refuse field by field.
 */
final class FieldErrors {

  final List<FieldError> list = new ArrayList<>();
  private final MessageSource messages;
  private final Locale locale;

  FieldErrors(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  void add(String field, String key, Object... args) {
    list.add(new FieldError(field, messages.getMessage(key, args, key, locale)));
  }
}
