package org.govflow.forms.internal;

/** A .form file that govflow cannot render or validate; the message says which component. */
public class UnsupportedFormException extends RuntimeException {

  public UnsupportedFormException(String message) {
    super(message);
  }

  public UnsupportedFormException(String message, Throwable cause) {
    super(message, cause);
  }
}
