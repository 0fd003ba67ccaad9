package org.govflow.meetings.internal;

import java.util.List;
import org.govflow.forms.FieldError;
import org.springframework.http.HttpStatus;

/**
 * A change of a meeting refused: unknown (404), not the caller's to make (403), too late (409) or
 * invalid values (400, with the fields). The message is already in the caller's language.
 */
class MeetingChangeRefused extends RuntimeException {

  private final HttpStatus status;
  private final transient List<FieldError> errors;

  MeetingChangeRefused(HttpStatus status, String message, List<FieldError> errors) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  HttpStatus status() {
    return status;
  }

  List<FieldError> errors() {
    return errors;
  }
}
