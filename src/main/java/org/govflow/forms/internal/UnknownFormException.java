package org.govflow.forms.internal;

/** No form with this id is deployed. */
public class UnknownFormException extends RuntimeException {

  public UnknownFormException(String formId) {
    super("No form with id '" + formId + "'");
  }
}
