package org.govflow.support;

/** A part of a {@code multipart/form-data} body, as clients that launch with a document send it. */
public final class Multipart {

  private Multipart() {}

  /** A form field (no file name) or a UTF-8 text file. */
  public static String part(String boundary, String name, String fileName, String content) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (fileName == null
            ? "\r\n"
            : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n")
        + "\r\n"
        + content
        + "\r\n";
  }
}
