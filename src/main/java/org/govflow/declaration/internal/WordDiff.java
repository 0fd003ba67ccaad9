package org.govflow.declaration.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between two versions of a declaration, paragraph by paragraph (matched by their
 * stable ids) and word by word within a paragraph (java-diff-utils over words and spaces).
 */
final class WordDiff {

  enum Change {
    UNCHANGED,
    MODIFIED,
    ADDED,
    REMOVED
  }

  enum Kind {
    SAME,
    ADDED,
    REMOVED
  }

  record Segment(Kind kind, String text) {}

  /** One paragraph's change: its numbers before and after (null when absent) and the words. */
  record ParagraphChange(
      String id, String fromNumber, String toNumber, Change change, List<Segment> segments) {}

  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

  private WordDiff() {}

  /** Every paragraph of both versions in reading order, removed ones where they stood. */
  static List<ParagraphChange> between(TextVersion from, TextVersion to) {
    Set<String> kept = new HashSet<>(to.ids());
    Map<String, List<Paragraph>> removedAfter = new HashMap<>();
    String last = null;
    for (Paragraph paragraph : from.paragraphs()) {
      if (kept.contains(paragraph.id())) {
        last = paragraph.id();
      } else {
        removedAfter.computeIfAbsent(last, k -> new ArrayList<>()).add(paragraph);
      }
    }
    List<ParagraphChange> changes = new ArrayList<>();
    removedAfter.getOrDefault(null, List.of()).forEach(p -> changes.add(removed(p)));
    for (Paragraph paragraph : to.paragraphs()) {
      Paragraph before = from.paragraph(paragraph.id()).orElse(null);
      if (before == null) {
        changes.add(
            new ParagraphChange(
                paragraph.id(),
                null,
                paragraph.number(),
                Change.ADDED,
                List.of(new Segment(Kind.ADDED, paragraph.text()))));
      } else {
        List<Segment> segments = words(before.text(), paragraph.text());
        boolean same = before.text().equals(paragraph.text());
        changes.add(
            new ParagraphChange(
                paragraph.id(),
                before.number(),
                paragraph.number(),
                same ? Change.UNCHANGED : Change.MODIFIED,
                segments));
      }
      removedAfter.getOrDefault(paragraph.id(), List.of()).forEach(p -> changes.add(removed(p)));
    }
    return changes;
  }

  private static ParagraphChange removed(Paragraph paragraph) {
    return new ParagraphChange(
        paragraph.id(),
        paragraph.number(),
        null,
        Change.REMOVED,
        List.of(new Segment(Kind.REMOVED, paragraph.text())));
  }

  /** The words of {@code after} against {@code before}: same, removed and added runs, in order. */
  static List<Segment> words(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    List<Segment> segments = new ArrayList<>();
    int position = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int start = delta.getSource().getPosition();
      add(segments, Kind.SAME, a.subList(position, start));
      add(segments, Kind.REMOVED, delta.getSource().getLines());
      add(segments, Kind.ADDED, delta.getTarget().getLines());
      position = start + delta.getSource().size();
    }
    add(segments, Kind.SAME, a.subList(position, a.size()));
    return readable(segments);
  }

  /**
   * Joins the changes separated only by spaces into one removed and one added run, so that "local
   * and regional governments" replaced by "cities" reads as one change, not four.
   */
  private static List<Segment> readable(List<Segment> raw) {
    List<Segment> out = new ArrayList<>();
    StringBuilder removed = new StringBuilder();
    StringBuilder added = new StringBuilder();
    for (int i = 0; i < raw.size(); i++) {
      Segment segment = raw.get(i);
      boolean inChange = removed.length() > 0 || added.length() > 0;
      boolean blankBetweenChanges =
          segment.kind() == Kind.SAME && segment.text().isBlank() && inChange && i + 1 < raw.size();
      if (segment.kind() == Kind.REMOVED) {
        removed.append(segment.text());
      } else if (segment.kind() == Kind.ADDED) {
        added.append(segment.text());
      } else if (blankBetweenChanges) {
        removed.append(segment.text());
        added.append(segment.text());
      } else {
        flush(out, removed, added);
        out.add(segment);
      }
    }
    flush(out, removed, added);
    return out;
  }

  private static void flush(List<Segment> out, StringBuilder removed, StringBuilder added) {
    if (removed.length() > 0) {
      out.add(new Segment(Kind.REMOVED, removed.toString()));
    }
    if (added.length() > 0) {
      out.add(new Segment(Kind.ADDED, added.toString()));
    }
    removed.setLength(0);
    added.setLength(0);
  }

  private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = String.join("", tokens);
    if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
      Segment previous = segments.remove(segments.size() - 1);
      text = previous.text() + text;
    }
    segments.add(new Segment(kind, text));
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
