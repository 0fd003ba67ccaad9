package org.govflow.declaration.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A zero draft given as a file: checked by the documents module as any upload is (type detected on
 * the content, size), then only Markdown, plain text or Word (.docx) are taken; its text is read (a
 * Word document with Apache POI, its automatic list numbers written out so that the paragraphs keep
 * their numbers) and must split into numbered paragraphs. Every refusal names the field {@code
 * draftFile} and says what to fix.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DraftFiles {

  static final String FIELD = "draftFile";

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final Set<String> TEXTS = Set.of("text/plain", "text/markdown", "text/x-web-markdown");

  /** A file read: its safe name, detected type, content and the draft's text. */
  record DraftFile(String name, String mediaType, byte[] content, String text) {}

  private final Documents documents;
  private final DeclarationSettings settings;
  private final MessageSource messages;

  DraftFile read(String fileName, byte[] content, Locale locale) {
    String name = fileName == null || fileName.isBlank() ? "?" : fileName;
    if (content == null || content.length == 0) {
      throw refusal(Reason.INVALID, locale, "declaration.draft.file.empty", name);
    }
    long max = settings.draftMaxSize().toBytes();
    if (content.length > max) {
      throw refusal(
          Reason.TOO_LARGE,
          locale,
          "declaration.draft.file.tooLarge",
          name,
          kilobytes(content.length),
          kilobytes(max));
    }
    DocumentVersion checked;
    try {
      checked = documents.check(fileName, content);
    } catch (Refusal refused) {
      throw new Refusal(
          refused.reason(),
          List.of(new FieldError(FIELD, message(locale, refused.messageKey(), refused.args()))),
          refused.messageKey(),
          refused.args());
    }
    String type = checked.mediaType();
    String text;
    if (TEXTS.contains(type)) {
      text = utf8(name, content, locale);
    } else if (DOCX.equals(type)) {
      text = docx(name, content, locale);
    } else {
      throw refusal(Reason.UNSUPPORTED_TYPE, locale, "declaration.draft.file.type", name, type);
    }
    if (text.isBlank()) {
      throw refusal(Reason.INVALID, locale, "declaration.draft.file.noText", name);
    }
    try {
      ZeroDraft.parse(text);
    } catch (Refusal refused) {
      throw refusal(
          Reason.INVALID,
          locale,
          "declaration.draft.file.notSplit",
          name,
          message(locale, refused.messageKey(), refused.args()));
    }
    return new DraftFile(checked.fileName(), type, content, text);
  }

  /** A text file's content, UTF-8 (a byte order mark dropped); anything else is refused. */
  private String utf8(String name, byte[] content, Locale locale) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw refusal(Reason.INVALID, locale, "declaration.draft.file.encoding", name);
    }
  }

  /**
   * A Word document's text, paragraph by paragraph: a heading or title as a Markdown heading, an
   * item of a numbered list with its number written out ("3."), a bulleted or nested item as a
   * Markdown bullet, any other paragraph as it is.
   */
  private String docx(String name, byte[] content, Locale locale) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      return docxText(document);
    } catch (IOException | RuntimeException e) {
      throw refusal(Reason.INVALID, locale, "declaration.draft.file.unreadable", name);
    }
  }

  static String docxText(XWPFDocument document) {
    StringBuilder out = new StringBuilder();
    Map<BigInteger, Integer> counters = new HashMap<>();
    for (XWPFParagraph p : document.getParagraphs()) {
      String text = p.getText() == null ? "" : p.getText().strip();
      if (text.isEmpty()) {
        out.append('\n');
        continue;
      }
      String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(Locale.ROOT);
      BigInteger list = p.getNumID();
      boolean nested = p.getNumIlvl() != null && p.getNumIlvl().signum() > 0;
      if (style.equals("title") || style.startsWith("heading")) {
        out.append("# ").append(text);
      } else if (list != null
          && !nested
          && !"bullet".equals(p.getNumFmt())
          && !text.matches("^\\d{1,3}\\w*[.)]\\s.*")) {
        int start = p.getNumStartOverride() == null ? 1 : p.getNumStartOverride().intValue();
        int number = counters.merge(list, start, (was, one) -> was + 1);
        out.append(number).append(". ").append(text);
      } else if (list != null) {
        out.append("- ").append(text);
      } else {
        out.append(text);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private Refusal refusal(Reason reason, Locale locale, String key, Object... args) {
    return new Refusal(
        reason, List.of(new FieldError(FIELD, message(locale, key, args))), key, args);
  }

  private String message(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static String kilobytes(long bytes) {
    return String.valueOf((bytes + 1023) / 1024);
  }
}
