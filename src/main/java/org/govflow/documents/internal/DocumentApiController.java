package org.govflow.documents.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.DocumentContent;
import org.govflow.documents.DocumentVersion;
import org.govflow.web.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading and downloading document versions over the API. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DocumentApiController {

  private final DocumentAccess access;

  @Operation(
      summary = "Upload a process's document, or a new version of one",
      operationId = "uploadDocument")
  @ApiResponse(responseCode = "201", description = "Stored as a new document or version")
  @PostMapping(
      path = "/api/v1/processes/{id}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Uploaded> upload(
      @PathVariable String id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String documentId,
      Caller caller) {
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DocumentVersion version =
        access.upload(caller.participant(), id, documentId, file.getOriginalFilename(), content);
    return ResponseEntity.status(201)
        .header(
            HttpHeaders.LOCATION,
            "/api/v1/documents/" + version.documentId() + "/versions/" + version.version())
        .body(
            new Uploaded(
                version.documentId(), version.version(), version.sha256(), version.mediaType()));
  }

  @Operation(summary = "The content of a version of a document", operationId = "getDocumentVersion")
  @ApiResponse(
      responseCode = "200",
      description = "The file as stored, in its own media type (a PDF, a Markdown text...)",
      headers =
          @Header(
              name = "X-Content-SHA256",
              description = "The SHA-256 of the content, as the register holds it",
              schema = @Schema(type = "string")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/api/v1/documents/{id}/versions/{n}")
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable int n, Caller caller) {
    DocumentContent content = access.content(caller.participant(), id, n);
    DocumentVersion v = content.version();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(v.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (StandardCharsets.US_ASCII.newEncoder().canEncode(v.fileName())
                    ? ContentDisposition.attachment().filename(v.fileName())
                    : ContentDisposition.attachment()
                        .filename(v.fileName(), StandardCharsets.UTF_8))
                .build()
                .toString())
        .header("X-Content-SHA256", v.sha256())
        .body(content.bytes());
  }

  /** Publishes a version: the secretariat and leadership only (403 for anyone else). */
  @Operation(
      summary = "Publish a version of a document on the public page",
      operationId = "publishDocumentVersion")
  @ApiResponse(responseCode = "200", description = "OK")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/api/v1/documents/{id}/versions/{n}/publish")
  Published publish(@PathVariable String id, @PathVariable int n, Caller caller) {
    DocumentVersion v = access.publish(caller.participant(), id, n);
    return new Published(v.documentId(), v.version(), v.sha256(), v.publishedAt(), v.publishedBy());
  }

  record Uploaded(String documentId, int version, String sha256, String mediaType) {}

  record Published(
      String documentId, int version, String sha256, Instant publishedAt, String publishedBy) {}
}
