package org.govflow.declaration.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govflow.web.Refusal;

/**
 * Splits a zero draft into paragraphs. Each paragraph starts on a line with its number ("1.", "2)",
 * "2bis."); the lines after it, up to the next number, are its text. Markdown headings and blank
 * lines before the first number (a title) are left out; any other text there is refused, as is a
 * draft with fewer than two paragraphs, a number given twice or a paragraph without text.
 */
final class ZeroDraft {

  static final int MIN_PARAGRAPHS = 2;

  private static final Pattern NUMBERED =
      Pattern.compile(
          "^\\s*(?:\\*\\*)?(\\d{1,3}(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)?)[.)](?:\\*\\*)?(?:\\s+(.*))?$");

  private ZeroDraft() {}

  /** The paragraphs of the draft, their ids p1, p2... in order. */
  static List<Paragraph> parse(String draft) {
    List<Paragraph> numbered = numbered(draft);
    List<Paragraph> paragraphs = new ArrayList<>();
    for (int i = 0; i < numbered.size(); i++) {
      paragraphs.add(
          new Paragraph("p" + (i + 1), numbered.get(i).number(), numbered.get(i).text()));
    }
    return paragraphs;
  }

  /**
   * The numbered paragraphs of a text, with their numbers as ids (the caller gives them theirs),
   * refused as described above.
   */
  static List<Paragraph> numbered(String draft) {
    if (draft == null || draft.isBlank()) {
      throw Refusal.invalid(List.of(), "declaration.draft.empty");
    }
    List<String> numbers = new ArrayList<>();
    List<StringBuilder> texts = new ArrayList<>();
    String[] lines = draft.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher matcher = NUMBERED.matcher(line);
      if (matcher.matches()) {
        numbers.add(matcher.group(1));
        texts.add(new StringBuilder(matcher.group(2) == null ? "" : matcher.group(2)));
      } else if (texts.isEmpty()) {
        if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
          throw Refusal.invalid(
              List.of(), "declaration.draft.textBeforeFirst", i + 1, excerpt(line));
        }
      } else {
        texts.get(texts.size() - 1).append('\n').append(line);
      }
    }
    if (numbers.isEmpty()) {
      throw Refusal.invalid(List.of(), "declaration.draft.noParagraphs");
    }
    if (numbers.size() < MIN_PARAGRAPHS) {
      throw Refusal.invalid(List.of(), "declaration.draft.single", MIN_PARAGRAPHS);
    }
    Set<String> seen = new HashSet<>();
    List<Paragraph> paragraphs = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      String number = numbers.get(i);
      if (!seen.add(number)) {
        throw Refusal.invalid(List.of(), "declaration.draft.duplicateNumber", number);
      }
      String text = TextVersion.normalise(texts.get(i).toString());
      if (text.isEmpty()) {
        throw Refusal.invalid(List.of(), "declaration.draft.emptyParagraph", number);
      }
      paragraphs.add(new Paragraph(number, number, text));
    }
    return paragraphs;
  }

  private static String excerpt(String line) {
    String stripped = line.strip();
    return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
  }
}
