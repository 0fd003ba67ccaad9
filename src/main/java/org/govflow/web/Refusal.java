package org.govflow.web;

import java.util.List;
import org.govflow.forms.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request govflow turns down: an outcome for the person asking, not a crash. It carries its
 * reason (one HTTP status, the same on pages and over the API), a message code of the bundles with
 * its arguments, and, for invalid values, the fields to fix. Every module refuses with this one
 * type; {@code web} answers it, as problem details for the API and as a page for a browser.
 */
public class Refusal extends ErrorResponseException {

  /** Why: each maps to one HTTP status. */
  public enum Reason {
    /** Unknown id, or not the caller's to know of. */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** Not the caller's to see or act on. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** The state changed meanwhile, or the step is not open now. */
    CONFLICT(HttpStatus.CONFLICT),
    /** Invalid values, with field errors. */
    INVALID(HttpStatus.BAD_REQUEST),
    /** An upload over the size limit. */
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    /** An upload of a type govflow does not take. */
    UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    private final HttpStatus status;

    Reason(HttpStatus status) {
      this.status = status;
    }

    public int status() {
      return status.value();
    }

    HttpStatus httpStatus() {
      return status;
    }
  }

  private final Reason reason;
  private final transient List<FieldError> errors;

  public Refusal(Reason reason, String messageCode, Object... args) {
    this(reason, List.of(), messageCode, args);
  }

  public Refusal(Reason reason, List<FieldError> errors, String messageCode, Object... args) {
    super(
        reason.httpStatus(),
        ProblemDetail.forStatusAndDetail(reason.httpStatus(), messageCode),
        null,
        messageCode,
        args);
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  /** A refusal of invalid values, the message code naming what is wrong as a whole. */
  public static Refusal invalid(List<FieldError> errors, String messageCode, Object... args) {
    return new Refusal(Reason.INVALID, errors, messageCode, args);
  }

  public static Refusal notFound(String messageCode, Object... args) {
    return new Refusal(Reason.NOT_FOUND, messageCode, args);
  }

  public static Refusal forbidden(String messageCode, Object... args) {
    return new Refusal(Reason.FORBIDDEN, messageCode, args);
  }

  public static Refusal conflict(String messageCode, Object... args) {
    return new Refusal(Reason.CONFLICT, messageCode, args);
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return getDetailMessageCode();
  }

  public Object[] args() {
    Object[] args = getDetailMessageArguments();
    return args == null ? new Object[0] : args.clone();
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public String getMessage() {
    return reason + " " + messageKey();
  }
}
