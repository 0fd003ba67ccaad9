package org.govflow.documents;

/** An upload or read turned down, with a message key ({@code inbox.documents.*}) and arguments. */
public class DocumentRefusal extends RuntimeException {

  /** Why: each maps to one HTTP status. */
  public enum Reason {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    INVALID
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
