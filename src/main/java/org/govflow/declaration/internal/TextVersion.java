package org.govflow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A version of a declaration: its ordered paragraphs in one language, and the SHA-256 of their
 * canonical form. Immutable: a new version is built, never edited.
 */
record TextVersion(String language, List<Paragraph> paragraphs, String sha256) {

  TextVersion {
    paragraphs = List.copyOf(paragraphs);
    Set<String> ids = new HashSet<>();
    for (Paragraph paragraph : paragraphs) {
      if (!ids.add(paragraph.id())) {
        throw new IllegalArgumentException("paragraph id twice: " + paragraph.id());
      }
    }
    String expected = hash(language, paragraphs);
    if (sha256 != null && !sha256.equals(expected)) {
      throw new IllegalArgumentException("the text does not match its SHA-256 " + sha256);
    }
    sha256 = expected;
  }

  static TextVersion of(String language, List<Paragraph> paragraphs) {
    return new TextVersion(language, paragraphs, null);
  }

  Optional<Paragraph> paragraph(String id) {
    return paragraphs.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  List<String> ids() {
    return paragraphs.stream().map(Paragraph::id).toList();
  }

  /**
   * The canonical form hashed: the language, then for each paragraph its id, number and text, each
   * prefixed with its length in UTF-8 bytes, so that no text can be read as another's boundary.
   */
  static String canonical(String language, List<Paragraph> paragraphs) {
    StringBuilder out = new StringBuilder("govflow-declaration/1\n");
    field(out, language);
    for (Paragraph paragraph : paragraphs) {
      field(out, paragraph.id());
      field(out, paragraph.number());
      field(out, paragraph.text());
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String value) {
    out.append(value.getBytes(StandardCharsets.UTF_8).length)
        .append(':')
        .append(value)
        .append('\n');
  }

  static String hash(String language, List<Paragraph> paragraphs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              digest.digest(canonical(language, paragraphs).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A text as stored and hashed: NFC, Unix line ends, no trailing spaces, trimmed. */
  static String normalise(String text) {
    String unix =
        Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    return unix.replaceAll("[ \\t]+\\n", "\n").strip();
  }
}
