package org.govflow.declaration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govflow.web.Refusal;

/**
 * A translation of a version of the authentic text: the same paragraphs (ids and numbers) in
 * another language. The translator writes the paragraphs with the authentic text's numbers; a
 * number missing or one the authentic text does not have is refused.
 */
final class Translation {

  private Translation() {}

  static TextVersion of(TextVersion authentic, String language, String text) {
    if (authentic.language().equals(language)) {
      throw Refusal.invalid(List.of(), "declaration.translation.sameLanguage", language);
    }
    Map<String, String> byNumber = new LinkedHashMap<>();
    for (Paragraph paragraph : ZeroDraft.numbered(text)) {
      byNumber.put(paragraph.number(), paragraph.text());
    }
    List<String> missing = new ArrayList<>();
    List<Paragraph> translated = new ArrayList<>();
    for (Paragraph original : authentic.paragraphs()) {
      String translation = byNumber.remove(original.number());
      if (translation == null) {
        missing.add(original.number());
      } else {
        translated.add(new Paragraph(original.id(), original.number(), translation));
      }
    }
    if (!missing.isEmpty()) {
      throw Refusal.invalid(
          List.of(), "declaration.translation.missing", String.join(", ", missing));
    }
    if (!byNumber.isEmpty()) {
      throw Refusal.invalid(
          List.of(), "declaration.translation.extra", String.join(", ", byNumber.keySet()));
    }
    return TextVersion.of(language, translated);
  }

  /** The same check for a translation given paragraph by paragraph with their ids. */
  static TextVersion of(TextVersion authentic, String language, Map<String, String> byId) {
    Map<String, String> left = new LinkedHashMap<>(byId);
    List<String> missing = new ArrayList<>();
    List<Paragraph> translated = new ArrayList<>();
    for (Paragraph original : authentic.paragraphs()) {
      String translation = left.remove(original.id());
      if (translation == null || translation.isBlank()) {
        missing.add(original.number());
      } else {
        translated.add(new Paragraph(original.id(), original.number(), translation));
      }
    }
    if (!missing.isEmpty()) {
      throw Refusal.invalid(
          List.of(), "declaration.translation.missing", String.join(", ", missing));
    }
    if (!left.isEmpty()) {
      throw Refusal.invalid(
          List.of(), "declaration.translation.extra", String.join(", ", left.keySet()));
    }
    return TextVersion.of(language, translated);
  }
}
