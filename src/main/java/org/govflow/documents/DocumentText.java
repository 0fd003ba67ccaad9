package org.govflow.documents;

/**
 * A version as a page shows it: its text as safe HTML (Markdown rendered, plain text kept as
 * typed), a PDF inline, anything else as a download.
 *
 * @param html the text as safe HTML, for TEXT and MARKDOWN; null otherwise
 */
public record DocumentText(DocumentVersion version, Kind kind, String html) {

  /** How a page shows the version. */
  public enum Kind {
    MARKDOWN,
    TEXT,
    PDF,
    DOWNLOAD
  }

  public boolean readable() {
    return html != null;
  }

  public boolean pdf() {
    return kind == Kind.PDF;
  }
}
