package org.govflow.workplan.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an uploaded work plan file: CSV when its name ends in {@code .csv}, otherwise the document
 * as written (text or Markdown). Refuses an empty file and a binary one (a NUL byte, or control
 * characters that no text has). UTF-8, with Windows-1252 as the fallback.
 */
final class WorkPlanReader {

  private WorkPlanReader() {}

  static ParsedWorkPlan read(String filename, byte[] content) {
    String text = decode(content);
    if (text.isBlank()) {
      throw new WorkPlanFormatException(0, "workplan.import.empty");
    }
    boolean csv = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".csv");
    return csv ? WorkPlanCsvReader.read(text) : WorkPlanDocumentReader.read(text);
  }

  static String decode(byte[] content) {
    if (content == null || content.length == 0) {
      throw new WorkPlanFormatException(0, "workplan.import.empty");
    }
    int controls = 0;
    for (byte b : content) {
      if (b == 0) {
        throw new WorkPlanFormatException(0, "workplan.import.binary");
      }
      if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        controls++;
      }
    }
    if (controls * 100L > content.length) {
      throw new WorkPlanFormatException(0, "workplan.import.binary");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(content, Charset.forName("windows-1252"));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
