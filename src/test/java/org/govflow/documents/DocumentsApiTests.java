package org.govflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents over the API on PostgreSQL: types checked on the content, size limit, versions with
 * SHA-256, and only the process's participants, the secretariat and leadership get in.
 */
@IntegrationTest
class DocumentsApiTests {

  @LocalServerPort int port;
  @Autowired Processes processes;
  @Autowired Documents documents;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String process;

  @BeforeEach
  void process() {
    process =
        processes
            .start(
                "document-approval",
                Map.of(
                    "title", "Declaration draft",
                    "summary", "s",
                    "approvingBody", "council-right-to-city",
                    "respondBy", "2099-01-01"),
                "officer")
            .id();
  }

  record Answer(int status, JsonNode json, HttpResponse<byte[]> raw) {}

  private Answer upload(
      String user, String processId, String documentId, String fileName, byte[] content) {
    String boundary = "----govflow" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if (documentId != null) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"documentId\"\r\n\r\n"
                    + documentId
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      if (content != null) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        request(user, "/api/v1/processes/" + processId + "/documents")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private Answer download(String user, String documentId, int version) {
    return send(
        request(user, "/api/v1/documents/" + documentId + "/versions/" + version).GET().build());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body;
      try {
        body = json.readTree(response.body());
      } catch (IOException notJson) {
        body = json.missingNode();
      }
      return new Answer(response.statusCode(), body == null ? json.missingNode() : body, response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private long versions() {
    return jdbc.queryForObject("select count(*) from document_version", Long.class);
  }

  @Test
  void versionsKeepTheirHashAndTextVersionsCanBeCompared() throws Exception {
    byte[] v1 = "# Minutes\n\nThe council met.\nIt agreed.\n".getBytes(StandardCharsets.UTF_8);
    Answer first = upload("officer", process, null, "minutes.md", v1);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("version").asInt()).isEqualTo(1);
    assertThat(first.json().path("sha256").asText()).isEqualTo(sha256(v1));
    String id = first.json().path("documentId").asText();

    // a council member of the approving body reads it: they take part through their body's task
    Answer read = download("thandiwe.nkosi", id, 1);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.raw().body()).isEqualTo(v1);
    assertThat(read.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/");
    assertThat(read.raw().headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("minutes.md");

    byte[] v2 = "# Minutes\n\nThe council met.\nIt disagreed.\n".getBytes(StandardCharsets.UTF_8);
    Answer second = upload("thandiwe.nkosi", process, id, "minutes.md", v2);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("version").asInt()).isEqualTo(2);
    assertThat(download("officer", id, 2).raw().body()).isEqualTo(v2);
    assertThat(download("officer", id, 1).raw().body()).isEqualTo(v1);

    List<String> diff = documents.diff(new Participant("officer", Set.of(), true), id, 2);
    assertThat(diff).contains("-It agreed.", "+It disagreed.");
    assertThat(
            documents.of(
                new Participant("thandiwe.nkosi", Set.of("council-right-to-city"), false), process))
        .singleElement()
        .satisfies(d -> assertThat(d.versions()).hasSize(2));

    // the pages: the process page lists the current version, the diff page shows the change
    WebSession member = new WebSession(port);
    member.login("thandiwe.nkosi", "demo");
    // the process page shows the text itself, rendered, and the words changed since version 1
    assertThat(member.get("/processes/" + process).body())
        .contains(
            "minutes.md",
            "/api/v1/documents/" + id + "/versions/2",
            sha256(v2).substring(0, 12),
            "<h3>Minutes</h3>",
            "It <del>agreed</del>.",
            "It <ins>disagreed</ins>.");
    HttpResponse<String> diffPage =
        member.get("/documents/" + id + "/versions/2/diff?back=/processes/" + process);
    assertThat(diffPage.statusCode()).isEqualTo(200);
    assertThat(diffPage.body())
        .contains("It <del>agreed</del>.", "It <ins>disagreed</ins>.")
        .contains("href=\"/processes/" + process + "\"");
    // a page to go back to is only ever a path of this site
    assertThat(member.get("/documents/" + id + "/versions/2/diff?back=//evil.example").body())
        .doesNotContain("evil.example");
    WebSession outsider = new WebSession(port);
    outsider.login("karen.liu", "demo");
    assertThat(outsider.get("/documents/" + id + "/versions/2/diff").statusCode()).isEqualTo(403);
    assertThat(outsider.get("/api/v1/documents/" + id + "/versions/2").statusCode()).isEqualTo(403);
  }

  @Test
  void anotherCouncilCanNeitherReadNorUpload() {
    Answer first =
        upload("officer", process, null, "note.txt", "hello".getBytes(StandardCharsets.UTF_8));
    String id = first.json().path("documentId").asText();
    long before = versions();

    assertThat(download("karen.liu", id, 1).status()).isEqualTo(403);
    assertThat(
            upload("karen.liu", process, null, "x.txt", "x".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(403);
    assertThat(
            upload("karen.liu", process, id, "x.txt", "x".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(403);
    assertThat(
            documents.of(
                new Participant("karen.liu", Set.of("council-resilient-cities"), false), process))
        .isEmpty();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void disguisedEmptyOversizeAndMisaddressedUploadsAreRefusedAndChangeNothing() throws Exception {
    long before = versions();
    byte[] executable = new byte[512];
    executable[0] = 'M';
    executable[1] = 'Z';
    Answer exe = upload("officer", process, null, "report.pdf", executable);
    assertThat(exe.status()).isEqualTo(415);
    assertThat(exe.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("payload.sh"));
      out.write("rm -rf /".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(upload("officer", process, null, "report.docx", zip.toByteArray()).status())
        .isEqualTo(415);
    assertThat(upload("officer", process, null, "report.odt", zip.toByteArray()).status())
        .isEqualTo(415);

    assertThat(upload("officer", process, null, "empty.txt", new byte[0]).status()).isEqualTo(400);
    assertThat(upload("officer", process, null, null, null).status()).isEqualTo(400);
    assertThat(
            upload(
                    "officer",
                    "no-such-process",
                    null,
                    "a.txt",
                    "a".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(404);
    assertThat(
            upload("officer", process, "no-such-doc", "a.txt", "a".getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(404);
    assertThat(download("officer", "no-such-doc", 1).status()).isEqualTo(404);

    byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
    java.util.Arrays.fill(tooLarge, (byte) 'a');
    Answer oversize = upload("officer", process, null, "big.txt", tooLarge);
    assertThat(oversize.status()).isEqualTo(413);

    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void pdfIsAcceptedAndFileNamesAreMadeSafe() {
    byte[] pdf =
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    Answer uploaded = upload("officer", process, null, "..\\..\\evil\tname;x.pdf", pdf);
    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.json().path("mediaType").asText()).isEqualTo("application/pdf");

    Answer read = download("officer", uploaded.json().path("documentId").asText(), 1);
    String disposition = read.raw().headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(disposition).doesNotContain("\\", "\t", "..").contains("evil_name_x.pdf");
    assertThat(read.raw().headers().firstValue("Content-Type").orElseThrow())
        .isEqualTo("application/pdf");

    // the pages show it inline: an iframe of this site's address, which serves it inline and
    // lets only this site's pages frame it
    String id = uploaded.json().path("documentId").asText();
    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    assertThat(officer.get("/processes/" + process).body())
        .contains("<iframe class=\"doc-pdf\" src=\"/documents/" + id + "/versions/1/view\"");
    HttpResponse<String> inline = officer.get("/documents/" + id + "/versions/1/view");
    assertThat(inline.statusCode()).isEqualTo(200);
    assertThat(inline.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline");
    assertThat(inline.headers().firstValue("X-Frame-Options").orElseThrow())
        .isEqualTo("SAMEORIGIN");
    WebSession outsider = new WebSession(port);
    outsider.login("karen.liu", "demo");
    assertThat(outsider.get("/documents/" + id + "/versions/1/view").statusCode()).isEqualTo(403);
  }
}
