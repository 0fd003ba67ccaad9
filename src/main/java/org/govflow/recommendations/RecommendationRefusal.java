package org.govflow.recommendations;

import java.util.List;
import org.govflow.forms.FieldError;

/** A request about a recommendation that is refused, with a message key and any field errors. */
public class RecommendationRefusal extends RuntimeException {

  /** Why, as HTTP will say it: each maps to one status, the same on pages and over the API. */
  public enum Reason {
    NOT_FOUND(404),
    FORBIDDEN(403),
    INVALID(400),
    CONFLICT(409);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final transient List<FieldError> errors;

  public RecommendationRefusal(Reason reason, String messageKey, List<FieldError> errors) {
    super(messageKey);
    this.reason = reason;
    this.errors = List.copyOf(errors);
  }

  public RecommendationRefusal(Reason reason, String messageKey) {
    this(reason, messageKey, List.of());
  }

  public Reason reason() {
    return reason;
  }

  /** The message key for the whole refusal. */
  public String messageKey() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
