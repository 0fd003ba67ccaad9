package org.govflow.declaration.internal;

import java.util.Objects;

/**
 * One paragraph of a declaration: a stable id that survives renumbering, the number as shown (1, 2,
 * 2bis...) and its text (Markdown).
 */
record Paragraph(String id, String number, String text) {

  Paragraph {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    text = TextVersion.normalise(Objects.requireNonNull(text, "text"));
  }

  Paragraph withText(String newText) {
    return new Paragraph(id, number, newText);
  }

  Paragraph withNumber(String newNumber) {
    return new Paragraph(id, newNumber, text);
  }

  /** Whether the number is a plain integer (1, 2...), not a suffixed one (2bis). */
  boolean plainNumber() {
    return number.chars().allMatch(Character::isDigit) && !number.isEmpty();
  }
}
