package org.govflow.forms;

import java.util.List;
import java.util.Map;

/**
 * Submitted values checked against a form: the values converted to the types the process sees (only
 * the form's own keys), and the errors, empty when everything is valid.
 */
public record FormSubmission(Map<String, Object> values, List<FieldError> errors) {

  public boolean valid() {
    return errors.isEmpty();
  }
}
