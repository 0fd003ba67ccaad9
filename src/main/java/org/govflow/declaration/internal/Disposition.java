package org.govflow.declaration.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.govflow.web.Refusal;

/**
 * The drafting committee's disposition of an amendment: accepted, accepted as modified (with the
 * committee's text) or rejected, always with a reason.
 */
record Disposition(Outcome outcome, String committeeText, String reason) {

  enum Outcome {
    ACCEPTED("accepted"),
    ACCEPTED_AS_MODIFIED("accepted-as-modified"),
    REJECTED("rejected");

    private final String wire;

    Outcome(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    boolean accepts() {
      return this != REJECTED;
    }

    static Outcome parse(String value) {
      String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(o -> o.wire.equals(wanted) || o.name().toLowerCase(Locale.ROOT).equals(wanted))
          .findFirst()
          .orElseThrow(
              () -> Refusal.invalid(List.of(), "declaration.disposition.outcomeUnknown", value));
    }
  }

  Disposition {
    committeeText = committeeText == null ? "" : TextVersion.normalise(committeeText);
    reason = reason == null ? "" : reason.strip();
  }

  /** Checks a disposition of {@code amendment}; a refusal says what is missing. */
  static Disposition checked(Amendment amendment, Outcome outcome, String text, String reason) {
    Disposition disposition = new Disposition(outcome, text, reason);
    if (amendment.kind() == Amendment.Kind.COMMENT) {
      throw Refusal.invalid(List.of(), "declaration.disposition.comment");
    }
    if (disposition.reason().isEmpty()) {
      throw Refusal.invalid(List.of(), "declaration.disposition.reasonRequired");
    }
    if (outcome == Outcome.ACCEPTED_AS_MODIFIED) {
      if (amendment.kind() == Amendment.Kind.DELETE) {
        throw Refusal.invalid(List.of(), "declaration.disposition.deleteNotModifiable");
      }
      if (disposition.committeeText().isEmpty()) {
        throw Refusal.invalid(List.of(), "declaration.disposition.textRequired");
      }
    } else if (!disposition.committeeText().isEmpty()) {
      throw Refusal.invalid(List.of(), "declaration.disposition.textOnlyWhenModified");
    }
    return disposition;
  }

  /** The text the amendment brings once disposed of: the committee's, else the proposed one. */
  String effectiveText(Amendment amendment) {
    return outcome == Outcome.ACCEPTED_AS_MODIFIED ? committeeText : amendment.text();
  }
}
