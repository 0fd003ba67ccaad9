package org.govflow.workplan.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a work plan action, from the heading it stands under. The letter is the one used in
 * an action's reference ({@code 2.1.1-B3}: the third basic action of section 2.1.1).
 */
enum ActionKind {
  /** ACCIONES BÁSICAS, BASIC ACTIONS, ACTIONS DE BASE. */
  BASIC('B'),
  /** ACCIONES REFORZADAS, REINFORCED ACTIONS, ACTIONS RENFORCÉES. */
  REINFORCED('R'),
  /** Reinforced actions tied to a funding partner ("... por nuestro partenariado con S.I.D.A."). */
  PARTNER('P');

  private final char letter;

  ActionKind(char letter) {
    this.letter = letter;
  }

  char letter() {
    return letter;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A kind as written in a CSV column: its letter, its code or the words of its heading. */
  static Optional<ActionKind> parse(String value) {
    String v = WorkPlanText.fold(value).replace(':', ' ').trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    for (ActionKind kind : values()) {
      if (v.equals(String.valueOf(kind.letter).toLowerCase(Locale.ROOT)) || v.equals(kind.code())) {
        return Optional.of(kind);
      }
    }
    if (v.equals("partner-reinforced") || v.equals("partenariado") || v.equals("partnership")) {
      return Optional.of(PARTNER);
    }
    try {
      return KindHeading.read(value).map(KindHeading::kind);
    } catch (KindHeading.Malformed e) {
      return Optional.empty();
    }
  }
}
