package org.govflow.documents;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The changes between two texts, line by line with the changed words marked ({@code <del>} in the
 * old line, {@code <ins>} in the new), from java-diff-utils' row generator. Long runs of unchanged
 * lines are folded to a few lines of context. The lines' HTML is escaped but for these marks: a
 * page may show it as it is. For any module comparing two versions of a text.
 */
public final class WordDiff {

  /** Unchanged lines kept before and after a change. */
  static final int CONTEXT = 3;

  private static final String DEL = "\u0001";
  private static final String END_DEL = "\u0002";
  private static final String INS = "\u0003";
  private static final String END_INS = "\u0004";

  private static final DiffRowGenerator ROWS =
      DiffRowGenerator.create()
          .showInlineDiffs(true)
          .inlineDiffByWord(true)
          .mergeOriginalRevised(false)
          // the lines stay raw here, the changes marked with control characters; escaped after
          .lineNormalizer(line -> line.replace("\t", "    ").replaceAll("[\u0001-\u0004]", ""))
          .oldTag(start -> start ? DEL : END_DEL)
          .newTag(start -> start ? INS : END_INS)
          .build();

  private WordDiff() {}

  /** How a line changed. FOLDED stands for {@link Line#folded} unchanged lines not shown. */
  public enum Change {
    SAME,
    CHANGED,
    ADDED,
    REMOVED,
    FOLDED
  }

  /**
   * One line of the comparison.
   *
   * @param before the old line's HTML (empty for an added line)
   * @param after the new line's HTML (empty for a removed line)
   * @param beforeNumber the old line's number, 0 when there is none
   * @param afterNumber the new line's number, 0 when there is none
   * @param folded how many unchanged lines a FOLDED line stands for
   */
  public record Line(
      Change change, String before, String after, int beforeNumber, int afterNumber, int folded) {

    public boolean changed() {
      return change != Change.SAME && change != Change.FOLDED;
    }
  }

  /** The lines of {@code after} compared with {@code before}; empty when they are the same. */
  public static List<Line> compare(List<String> before, List<String> after) {
    List<DiffRow> rows = ROWS.generateDiffRows(before, after);
    List<Line> lines = new ArrayList<>();
    int old = 0;
    int now = 0;
    boolean anyChange = false;
    for (DiffRow row : rows) {
      Change change =
          switch (row.getTag()) {
            case EQUAL -> Change.SAME;
            case CHANGE -> Change.CHANGED;
            case INSERT -> Change.ADDED;
            case DELETE -> Change.REMOVED;
          };
      if (change != Change.ADDED) {
        old++;
      }
      if (change != Change.REMOVED) {
        now++;
      }
      anyChange |= change != Change.SAME;
      lines.add(
          new Line(
              change,
              change == Change.ADDED ? "" : html(row.getOldLine()),
              change == Change.REMOVED ? "" : html(row.getNewLine()),
              change == Change.ADDED ? 0 : old,
              change == Change.REMOVED ? 0 : now,
              0));
    }
    return anyChange ? fold(lines) : List.of();
  }

  /** A line escaped for HTML, its marks of change as {@code <del>} and {@code <ins>}. */
  private static String html(String line) {
    return HtmlUtils.htmlEscape(line, "UTF-8")
        .replace(DEL, "<del>")
        .replace(END_DEL, "</del>")
        .replace(INS, "<ins>")
        .replace(END_INS, "</ins>");
  }

  /** The texts split into lines. */
  public static List<Line> compare(String before, String after) {
    return compare(lines(before), lines(after));
  }

  private static List<String> lines(String text) {
    return List.of((text == null ? "" : text).split("\\R", -1));
  }

  /** Runs of unchanged lines further than CONTEXT from any change become one FOLDED line. */
  private static List<Line> fold(List<Line> lines) {
    int n = lines.size();
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (lines.get(i).changed()) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(n - 1, i + CONTEXT); j++) {
          keep[j] = true;
        }
      }
    }
    List<Line> folded = new ArrayList<>();
    int run = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        if (run > 0) {
          folded.add(new Line(Change.FOLDED, "", "", 0, 0, run));
          run = 0;
        }
        folded.add(lines.get(i));
      } else {
        run++;
      }
    }
    if (run > 0) {
      folded.add(new Line(Change.FOLDED, "", "", 0, 0, run));
    }
    return folded;
  }
}
