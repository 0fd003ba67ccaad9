package org.govflow.documents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * What a file is, from its bytes: Tika's magic numbers and container checks decide the family (PDF,
 * OLE2, OOXML and ODF zips, text), and the file name may only narrow it within that family (an
 * OOXML zip named .docx is a Word document; an executable named .pdf stays an executable).
 */
class ContentTypes {

  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

  String detect(byte[] content, String fileName) {
    String found = detect(content, fileName, true);
    if (ZIPS.contains(found) || found.startsWith(OOXML) || found.startsWith(ODF)) {
      // Tika's core lets the name pick a type inside a zip; the structure decides here instead
      return container(content);
    }
    return found;
  }

  private static final java.util.Set<String> ZIPS =
      java.util.Set.of("application/zip", "application/x-tika-ooxml");
  private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
  private static final String ODF = "application/vnd.oasis.opendocument.";

  /** The type of a zip from its entries: an OOXML main part, or an ODF mimetype entry. */
  static String container(byte[] content) {
    boolean contentTypes = false;
    String main = null;
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
      java.util.zip.ZipEntry entry;
      boolean first = true;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (first && name.equals("mimetype")) {
          String type =
              new String(zip.readNBytes(100), java.nio.charset.StandardCharsets.US_ASCII).strip();
          return type.startsWith(ODF) ? type : "application/zip";
        }
        first = false;
        switch (name) {
          case "[Content_Types].xml" -> contentTypes = true;
          case "word/document.xml" -> main = OOXML + "wordprocessingml.document";
          case "xl/workbook.xml" -> main = OOXML + "spreadsheetml.sheet";
          case "ppt/presentation.xml" -> main = OOXML + "presentationml.presentation";
          default -> {}
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return "application/zip";
    }
    return contentTypes && main != null ? main : "application/zip";
  }

  private String detect(byte[] content, String fileName, boolean withName) {
    Metadata metadata = new Metadata();
    if (withName && fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    try (TikaInputStream in = TikaInputStream.get(content)) {
      MediaType type = detector.detect(in, metadata);
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
