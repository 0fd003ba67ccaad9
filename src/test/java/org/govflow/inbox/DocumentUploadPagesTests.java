package org.govflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploading documents from the task and process pages over real HTTP, with the rules of the API: a
 * new document then a new version; oversize, disguised and outsiders' uploads refused on the page
 * in the reader's language with a 4xx, nothing stored.
 */
@IntegrationTest
class DocumentUploadPagesTests {

  // council-right-to-city: thandiwe.nkosi (en), ana.belmonte (es); amina.diallo: co-president
  // (fr); karen.liu: council-resilient-cities
  static final Pattern UPLOAD_ACTION =
      Pattern.compile("action=\"(/(?:tasks|processes)/[^\"]+/documents\\?_csrf=[^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Processes processes;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  String process;
  String task;

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
    task = tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
  }

  private WebSession as(String user) {
    WebSession session = new WebSession(port);
    HttpResponse<String> login = session.login(user, "demo");
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return session;
  }

  /** The upload form's address (with its CSRF token) on a page. */
  private static String uploadAction(WebSession session, String page) {
    String html = session.get(page).body();
    Matcher m = UPLOAD_ACTION.matcher(html);
    assertThat(m.find()).as("an upload form on " + page).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  private long versions() {
    return jdbc.queryForObject(
        "select count(*) from document_version v join document d on d.id = v.document_id"
            + " where d.process_instance_id = ?",
        Long.class,
        process);
  }

  private String documentId() {
    return jdbc.queryForObject(
        "select id from document where process_instance_id = ?", String.class, process);
  }

  @Test
  void aMemberUploadsFromTheTaskPageThenANewVersionFromTheProcessPage() {
    WebSession member = as("thandiwe.nkosi");
    String page = member.get("/tasks/" + task).body();
    assertThat(page)
        .contains("enctype=\"multipart/form-data\"", "<label for=\"upload-file\"")
        .contains("at most 25 MB");

    HttpResponse<String> uploaded =
        member.postMultipart(
            uploadAction(member, "/tasks/" + task),
            Map.of(),
            "draft.txt",
            "First draft".getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    assertThat(uploaded.headers().firstValue("Location").orElseThrow())
        .endsWith("/tasks/" + task + "#documents");
    assertThat(member.get("/tasks/" + task).body())
        .contains("The document is uploaded.", "draft.txt", "version 1")
        // the new-version select offers the existing document
        .contains("<option value=\"" + documentId() + "\">draft.txt</option>");

    HttpResponse<String> second =
        member.postMultipart(
            uploadAction(member, "/processes/" + process),
            Map.of("documentId", documentId()),
            "draft.txt",
            "Second draft".getBytes(StandardCharsets.UTF_8));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(302);
    assertThat(second.headers().firstValue("Location").orElseThrow())
        .endsWith("/processes/" + process + "#documents");
    assertThat(member.get("/processes/" + process).body()).contains("version 2");
    assertThat(versions()).isEqualTo(2);
  }

  @Test
  void oversizeFilesAreRefusedWithAPageInTheReadersLanguage() {
    WebSession member = as("ana.belmonte");
    byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
    Arrays.fill(tooLarge, (byte) 'a');

    HttpResponse<String> refused =
        member.postMultipart(uploadAction(member, "/tasks/" + task), Map.of(), "big.txt", tooLarge);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body())
        .contains("El archivo supera 25 MB.")
        .contains("href=\"/tasks/" + task + "\"");

    // over the whole request's limit too: refused before reading, still a page, not a reset
    byte[] wayTooLarge = new byte[40 * 1024 * 1024];
    HttpResponse<String> refusedEarly =
        member.postMultipart(
            uploadAction(member, "/processes/" + process), Map.of(), "bigger.txt", wayTooLarge);
    assertThat(refusedEarly.statusCode()).isEqualTo(413);
    assertThat(refusedEarly.body()).contains("El archivo supera 25 MB.");
    assertThat(versions()).isZero();
  }

  @Test
  void aDisguisedExecutableAndAnEmptyFormAreRefusedOnThePage() {
    WebSession copresident = as("amina.diallo");
    byte[] executable = new byte[512];
    executable[0] = 'M';
    executable[1] = 'Z';

    HttpResponse<String> refused =
        copresident.postMultipart(
            uploadAction(copresident, "/processes/" + process), Map.of(), "report.pdf", executable);
    assertThat(refused.statusCode()).isEqualTo(415);
    // the process page again, with the reason beside the form, in French
    assertThat(refused.body())
        .contains("id=\"upload-error\"", "Les fichiers de ce type", "aria-invalid=\"true\"")
        .contains("Documents");

    HttpResponse<String> empty =
        copresident.postMultipart(
            uploadAction(copresident, "/processes/" + process), Map.of(), null, null);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Le fichier est vide.");

    // without the CSRF token nothing is even read
    HttpResponse<String> forged =
        copresident.postMultipart(
            "/processes/" + process + "/documents",
            Map.of(),
            "note.txt",
            "x".getBytes(StandardCharsets.UTF_8));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(versions()).isZero();
  }

  @Test
  void anotherCouncilsMemberCanUploadThroughNeitherPage() {
    WebSession outsider = as("karen.liu");
    // the token of a page the outsider may open (their inbox), used on another council's pages
    String token = WebSession.csrfToken(outsider.get("/inbox").body().replace("&amp;", "&"));
    byte[] text = "Not yours".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> onTask =
        outsider.postMultipart(
            "/tasks/" + task + "/documents?_csrf=" + token, Map.of(), "x.txt", text);
    assertThat(onTask.statusCode()).isIn(403, 404);
    HttpResponse<String> onProcess =
        outsider.postMultipart(
            "/processes/" + process + "/documents?_csrf=" + token, Map.of(), "x.txt", text);
    assertThat(onProcess.statusCode()).isIn(403, 404);
    assertThat(onProcess.body()).doesNotContain("Exception");
    assertThat(versions()).isZero();
  }
}
