package org.govflow.documents.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.govflow.documents.DocumentContent;
import org.govflow.documents.DocumentText;
import org.govflow.documents.DocumentText.Kind;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.SafeHtml;
import org.govflow.documents.WordDiff;
import org.govflow.web.Refusal;

/** How a version reads on a page, and the words changed since the version before. */
final class TextViews {

  /** Texts larger than this are offered as a download only. */
  static final int MAX_RENDERED_BYTES = 2 * 1024 * 1024;

  private TextViews() {}

  static DocumentText view(DocumentContent content) {
    DocumentVersion v = content.version();
    Kind kind = kind(v);
    if ((kind == Kind.MARKDOWN || kind == Kind.TEXT)
        && content.bytes().length > MAX_RENDERED_BYTES) {
      return new DocumentText(v, Kind.DOWNLOAD, null);
    }
    String text = new String(content.bytes(), StandardCharsets.UTF_8);
    return switch (kind) {
      case MARKDOWN -> new DocumentText(v, kind, SafeHtml.markdown(text));
      case TEXT -> new DocumentText(v, kind, SafeHtml.plainText(text));
      default -> new DocumentText(v, kind, null);
    };
  }

  static Kind kind(DocumentVersion v) {
    String type = v.mediaType();
    String name = v.fileName().toLowerCase(java.util.Locale.ROOT);
    if (type.contains("markdown") || name.endsWith(".md") || name.endsWith(".markdown")) {
      return Kind.MARKDOWN;
    }
    if (type.startsWith("text/")) {
      return Kind.TEXT;
    }
    return "application/pdf".equals(type) ? Kind.PDF : Kind.DOWNLOAD;
  }

  /** The words changed from {@code previous} to {@code current}, line by line. */
  static List<WordDiff.Line> changes(
      DocumentContent previous, DocumentContent current, int maxLines) {
    if (!current.version().text() || !previous.version().text()) {
      throw Refusal.invalid(List.of(), "inbox.documents.notText");
    }
    List<String> before = lines(previous.bytes());
    List<String> after = lines(current.bytes());
    if (before.size() > maxLines || after.size() > maxLines) {
      throw Refusal.invalid(List.of(), "inbox.documents.tooLongToCompare");
    }
    return WordDiff.compare(before, after);
  }

  private static List<String> lines(byte[] bytes) {
    return List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R", -1));
  }
}
