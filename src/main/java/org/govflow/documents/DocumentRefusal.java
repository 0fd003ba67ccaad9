package org.govflow.documents;

/** An upload or read turned down, with a message key ({@code inbox.documents.*}) and arguments. */
public class DocumentRefusal extends RuntimeException {

  /** Why: each maps to one HTTP status, the same on pages and over the API. */
  public enum Reason {
    NOT_FOUND(404),
    FORBIDDEN(403),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED_TYPE(415),
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

  public DocumentRefusal(Reason reason, String messageKey, Object... args) {
    super(messageKey, null, false, false);
    this.reason = reason;
    this.messageKey = messageKey;
    this.args = args;
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
}
