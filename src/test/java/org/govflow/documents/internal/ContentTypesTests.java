package org.govflow.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** File types come from the content; the name only narrows what the content already says. */
class ContentTypesTests {

  private final ContentTypes types = new ContentTypes();

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void officeAndOpenDocumentFilesAreKnownByTheirStructure() throws IOException {
    Map<String, String> docx = new LinkedHashMap<>();
    docx.put("[Content_Types].xml", "<Types/>");
    docx.put("word/document.xml", "<document/>");
    Map<String, String> odt = new LinkedHashMap<>();
    odt.put("mimetype", "application/vnd.oasis.opendocument.text");
    odt.put("content.xml", "<office:document-content/>");

    assertThat(types.detect(zip(docx), "minutes.docx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // the name cannot turn a Word document into a spreadsheet
    assertThat(types.detect(zip(docx), "minutes.xlsx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(types.detect(zip(odt), "minutes.odt"))
        .isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(types.detect(zip(Map.of("run.sh", "x")), "minutes.docx"))
        .isEqualTo("application/zip");
  }

  @Test
  void textPdfAndExecutables() {
    assertThat(types.detect("# Title\n\ntext".getBytes(StandardCharsets.UTF_8), "notes.md"))
        .isEqualTo("text/x-web-markdown");
    assertThat(types.detect("plain words".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .isEqualTo("text/plain");
    assertThat(types.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "a.pdf"))
        .isEqualTo("application/pdf");
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertThat(types.detect(exe, "a.pdf")).isNotEqualTo("application/pdf");
    assertThat(types.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "a.txt"))
        .isEqualTo("application/pdf");
  }
}
