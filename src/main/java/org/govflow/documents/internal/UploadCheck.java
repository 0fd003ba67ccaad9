package org.govflow.documents.internal;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.DocumentSettings;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;

/**
 * Whether an upload may go in: a running process the uploader takes part in, a file that is not
 * empty, within the size limit, of a type accepted as detected on its content (Tika), under a safe
 * name.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UploadCheck {

  /** An upload that passed the checks: its safe name and its detected media type. */
  record Upload(String name, String mediaType, byte[] content) {}

  private final ContentTypes types = new ContentTypes();
  private final DocumentSettings settings;

  /** The rules checked. */
  DocumentSettings settings() {
    return settings;
  }

  /** The file as it is stored, or a refusal saying what is wrong with it. */
  Upload check(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new Refusal(Reason.INVALID, "inbox.documents.empty");
    }
    if (content.length > settings.maxSize().toBytes()) {
      throw new Refusal(
          Reason.TOO_LARGE, "inbox.documents.tooLarge", settings.maxSize().toMegabytes());
    }
    String name = safeName(fileName);
    String mediaType = types.detect(content, name);
    if (!settings.allowedTypes().contains(mediaType)) {
      throw new Refusal(Reason.UNSUPPORTED_TYPE, "inbox.documents.type", mediaType);
    }
    return new Upload(name, mediaType, content);
  }

  /**
   * A file name safe to store and to send back: no folders, no control characters, no quotes or
   * separators a header could be broken with, at most 200 characters.
   */
  static String safeName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    // bidirectional controls reorder what a reader sees (U+202E makes "evil?txt.exe" "evilexe.txt")
    name = name.replaceAll("[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]", "");
    name = name.replaceAll("[\\p{Cntrl}\"';:*?<>|]", "_").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.codePointCount(0, name.length()) > 200) {
      name = name.substring(0, name.offsetByCodePoints(0, 200));
    }
    return name.isBlank() ? "document" : name;
  }
}
