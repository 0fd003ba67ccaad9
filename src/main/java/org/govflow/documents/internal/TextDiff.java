package org.govflow.documents.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.govflow.documents.DocumentContent;
import org.govflow.web.Refusal;

/** The changes between two text versions of a document, as a unified diff (java-diff-utils). */
final class TextDiff {

  private TextDiff() {}

  /**
   * A unified diff of {@code current} against {@code previous}, three lines of context.
   *
   * @param maxLines the longest text (in lines) compared; longer ones are refused
   * @return the diff's lines
   */
  static List<String> unified(DocumentContent previous, DocumentContent current, int maxLines) {
    if (!current.version().text() || !previous.version().text()) {
      throw Refusal.invalid(List.of(), "inbox.documents.notText");
    }
    List<String> before = lines(previous.bytes());
    List<String> after = lines(current.bytes());
    if (before.size() > maxLines || after.size() > maxLines) {
      throw Refusal.invalid(List.of(), "inbox.documents.tooLongToCompare");
    }
    return UnifiedDiffUtils.generateUnifiedDiff(
        label(previous), label(current), before, DiffUtils.diff(before, after), 3);
  }

  private static String label(DocumentContent content) {
    return content.version().fileName() + " (v" + content.version().version() + ")";
  }

  private static List<String> lines(byte[] bytes) {
    return List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R", -1));
  }
}
