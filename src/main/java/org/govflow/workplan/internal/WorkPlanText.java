package org.govflow.workplan.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers of the work plan: folding for comparisons, and emphasis markers. */
final class WorkPlanText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern STRONG = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern EM =
      Pattern.compile("(?<![*\\w])\\*(?!\\s)([^*]+?)(?<!\\s)\\*(?![*\\w])");

  private WorkPlanText() {}

  /** Lower case, no accents, no emphasis markers, single spaces: for comparing texts. */
  static String fold(String text) {
    String plain = plain(text);
    String decomposed = Normalizer.normalize(plain, Normalizer.Form.NFD);
    return SPACES
        .matcher(MARKS.matcher(decomposed).replaceAll(""))
        .replaceAll(" ")
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The text without its emphasis markers ({@code **bold**} and {@code *italic*}). */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    return EM.matcher(STRONG.matcher(text).replaceAll("$1")).replaceAll("$1");
  }

  /**
   * The text as HTML: escaped, with {@code **bold**} as {@code <strong>}, {@code *italic*} as
   * {@code <em>} and sub-items (lines starting with "- ") as line breaks.
   */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    String escaped =
        text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
    String strong = STRONG.matcher(escaped).replaceAll("<strong>$1</strong>");
    return EM.matcher(strong).replaceAll("<em>$1</em>").replace("\n", "<br>");
  }
}
