package org.govflow.meetings.internal;

import java.util.List;
import java.util.Optional;

/**
 * The agenda as the secretariat and the bodies type it: one item a line, statute changes marked.
 */
final class AgendaLines {

  /** Marks an agenda line as a statute change, decided by two thirds. */
  static final String STATUTE_MARK = "[statute]";

  private AgendaLines() {}

  /** The item a line names, proposed by a body or else written by the secretariat. */
  static Optional<AgendaItem> parse(String line, String proposedBy) {
    boolean statute = line.startsWith(STATUTE_MARK);
    String title = statute ? line.substring(STATUTE_MARK.length()).strip() : line.strip();
    return title.isEmpty()
        ? Optional.empty()
        : Optional.of(AgendaItem.written(title, statute, proposedBy));
  }

  /** The non-blank lines of a text, stripped. */
  static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** An item as a line: its title, marked when it changes the statutes. */
  static String line(AgendaItem item) {
    return (item.statuteChange() ? STATUTE_MARK + " " : "") + item.title();
  }
}
