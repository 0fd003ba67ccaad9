package org.govflow.documents;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload rules. The servlet's multipart limits (spring.servlet.multipart.*) must be at least as
 * large as {@code maxSize}, or uploads are cut off before these rules see them.
 *
 * @param maxSize the largest file accepted
 * @param allowedTypes the media types accepted, as detected on the content
 * @param diffMaxLines the longest text (in lines) a diff is computed for
 */
@ConfigurationProperties("govflow.documents")
public record DocumentSettings(
    @DefaultValue("25MB") DataSize maxSize,
    @DefaultValue({
          "application/pdf",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/vnd.oasis.opendocument.presentation",
          "text/plain",
          "text/markdown",
          "text/x-web-markdown"
        })
        List<String> allowedTypes,
    @DefaultValue("20000") int diffMaxLines) {}
