package org.govflow.inbox;

import java.util.List;
import org.govflow.forms.FieldError;

/**
 * A request the inbox turns down, with the reason and a message key ({@code inbox.problem.*}): an
 * outcome for the person asking, not a crash.
 */
public class Refusal extends RuntimeException {

  /** Why: each maps to one HTTP status, the same on pages and over the API. */
  public enum Reason {
    /** Unknown id. */
    NOT_FOUND(404),
    /** Not the caller's to see or act on. */
    FORBIDDEN(403),
    /** The state changed meanwhile: completed, claimed by someone else. */
    CONFLICT(409),
    /** Invalid values, with field errors. */
    INVALID(400);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final String messageKey;
  private final transient Object[] args;
  private final List<FieldError> errors;

  public Refusal(Reason reason, String messageKey, Object... args) {
    this(reason, List.of(), messageKey, args);
  }

  public Refusal(Reason reason, List<FieldError> errors, String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.reason = reason;
    this.messageKey = messageKey;
    this.args = args;
    this.errors = List.copyOf(errors);
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
