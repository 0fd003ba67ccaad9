package org.govflow.declaration.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.govflow.web.Refusal;

/**
 * An amendment filed by a contributor group in a round: to a paragraph (by id) of the version
 * circulated, of a kind, with the proposed text and a justification; or a general comment (no
 * paragraph). The id orders amendments: the one filed first has the smaller id.
 */
record Amendment(
    long id, String group, Kind kind, String paragraphId, String text, String justification) {

  enum Kind {
    MODIFY("modify"),
    INSERT_AFTER("insert-after"),
    DELETE("delete"),
    COMMENT("comment");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    /** The kind named {@code value} (modify, insert-after, delete, comment), else a refusal. */
    static Kind parse(String value) {
      String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(k -> k.wire.equals(wanted) || k.name().toLowerCase(Locale.ROOT).equals(wanted))
          .findFirst()
          .orElseThrow(
              () -> Refusal.invalid(List.of(), "declaration.amendment.kindUnknown", value));
    }

    /** Whether an amendment of this kind changes a paragraph (and so may conflict). */
    boolean changesParagraph() {
      return this == MODIFY || this == DELETE;
    }
  }

  Amendment {
    text = text == null ? "" : TextVersion.normalise(text);
    justification = justification == null ? "" : justification.strip();
  }

  /**
   * Checks a proposed amendment against the version it amends: the paragraph exists (none for a
   * comment), a text for modify, insert-after and comment, none for delete, and a modify that
   * changes something.
   */
  static void check(Kind kind, String paragraphId, String text, TextVersion version) {
    String proposed = text == null ? "" : TextVersion.normalise(text);
    if (kind == Kind.COMMENT) {
      if (proposed.isEmpty()) {
        throw Refusal.invalid(List.of(), "declaration.amendment.textRequired", kind.wire());
      }
      return;
    }
    if (paragraphId == null || paragraphId.isBlank()) {
      throw Refusal.invalid(List.of(), "declaration.amendment.paragraphRequired", kind.wire());
    }
    Paragraph paragraph =
        version
            .paragraph(paragraphId)
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        List.of(), "declaration.amendment.paragraphUnknown", paragraphId));
    switch (kind) {
      case DELETE -> {
        if (!proposed.isEmpty()) {
          throw Refusal.invalid(List.of(), "declaration.amendment.deleteHasText");
        }
      }
      case MODIFY -> {
        if (proposed.isEmpty()) {
          throw Refusal.invalid(List.of(), "declaration.amendment.textRequired", kind.wire());
        }
        if (proposed.equals(paragraph.text())) {
          throw Refusal.invalid(List.of(), "declaration.amendment.unchanged", paragraph.number());
        }
      }
      default -> {
        if (proposed.isEmpty()) {
          throw Refusal.invalid(List.of(), "declaration.amendment.textRequired", kind.wire());
        }
      }
    }
  }
}
