package org.govflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages over real HTTP: launching, the inbox, a task, as people in their own languages. */
@IntegrationTest
class InboxPagesTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired Directory directory;

  private WebSession as(String user) {
    WebSession session = new WebSession(port);
    HttpResponse<String> login = session.login(user, "demo");
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return session;
  }

  private static HttpResponse<String> post(
      WebSession session, String page, String path, Map<String, String> fields) {
    Map<String, String> withToken = new HashMap<>(fields);
    withToken.put("_csrf", WebSession.csrfToken(session.get(page).body()));
    return session.postForm(path, withToken);
  }

  private String launch(WebSession officer, String body) {
    // multipart, with the document, the CSRF token in the address as the page's form has it
    String token = WebSession.csrfToken(officer.get("/processes/new/document-approval").body());
    HttpResponse<String> started =
        officer.postMultipart(
            "/processes/new/document-approval?_csrf=" + token,
            Map.of(
                "title",
                "Annual report",
                "summary",
                "The annual report for the council",
                "approvingBody",
                body,
                "respondBy",
                LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(2).toString()),
            "annual-report.md",
            "# Annual report\n\nWhat the council did this year.".getBytes(StandardCharsets.UTF_8));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/processes/");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String openTask(String processInstanceId) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .unfinished()
        .singleResult()
        .getId();
  }

  @Test
  void theSecretariatLaunchesSeeingErrorsBesideTheirFieldsThenTheProcessPage() {
    WebSession officer = as("officer");
    assertThat(officer.get("/").body()).contains("href=\"/processes/new\"", "href=\"/inbox\"");
    assertThat(officer.get("/processes/new").body()).contains("/processes/new/document-approval");

    long before = runtime.createProcessInstanceQuery().count();
    HttpResponse<String> invalid =
        post(
            officer,
            "/processes/new/document-approval",
            "/processes/new/document-approval",
            Map.of("title", "ab", "summary", "", "approvingBody", "secretariat", "respondBy", ""));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body())
        .contains(
            "id=\"field-document-approval-start-title-error\"",
            "Enter at least 3 characters.",
            "This field is required.",
            "Choose one of the listed options.",
            "aria-invalid=\"true\"",
            "value=\"ab\"",
            "id=\"start-document-error\"",
            "Attach the document the body is asked to approve");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);

    String process = launch(officer, "world-council");
    HttpResponse<String> page = officer.get("/processes/" + process);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("DOC-", "Review the document", "World Council");
  }

  @Test
  void theStartFormComesInTheReadersLanguage() {
    // amina.diallo is Co-President (leadership) and reads French
    HttpResponse<String> form = as("amina.diallo").get("/processes/new/document-approval");

    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Titre", "Organe qui approuve", "Répondre avant le", "Lancer");
    assertThat(as("thandiwe.nkosi").get("/processes/new/document-approval").statusCode())
        .isEqualTo(403);
  }

  /** "Me and my bodies (n)" of a counts fragment for document approvals: the first count shown. */
  private static long allCount(String html) {
    Matcher m =
        Pattern.compile("href=\"/inbox\\?processKey=document-approval\">[^<(]*\\((\\d+)\\)</a>")
            .matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return Long.parseLong(m.group(1));
  }

  /**
   * The reference: the person's open approvals by TaskQuery, over their bodies in the directory.
   */
  private long openApprovals(String person) {
    List<String> bodies =
        directory.membershipsOf(person).stream().map(Membership::bodyId).distinct().toList();
    return tasks
        .createTaskQuery()
        .processDefinitionKey("document-approval")
        .or()
        .taskAssignee(person)
        .taskCandidateGroupIn(bodies.isEmpty() ? List.of("-") : bodies)
        .includeAssignedTasks()
        .endOr()
        .count();
  }

  @Test
  void thePageShowsItsRowsAndLoadsOnlyTheCallersOwnCountsAfterThem() {
    WebSession officer = as("officer");
    launch(officer, "council-right-to-city");
    WebSession member = as("thandiwe.nkosi");
    WebSession outsider = as("karen.liu");

    // the page does not count: it points htmx at the fragment, and a plain link without script
    String page = member.get("/inbox?processKey=document-approval").body();
    assertThat(page)
        .contains(
            "hx-get=\"/inbox/counts?processKey=document-approval",
            "<noscript><a href=\"/inbox?processKey=document-approval",
            "counts=true")
        .doesNotContain("Me and my bodies (");
    String path = "/inbox/counts?processKey=document-approval";
    HttpResponse<String> fragment = member.get(path, Map.of("HX-Request", "true"));
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body()).contains("id=\"inbox-counts\"").doesNotContain("<html");
    long memberBefore = allCount(fragment.body());
    assertThat(memberBefore).isPositive().isEqualTo(openApprovals("thandiwe.nkosi"));
    long outsiderBefore = allCount(outsider.get(path).body());
    assertThat(outsiderBefore).isEqualTo(openApprovals("karen.liu"));

    // a new task for the council counts for its member only
    launch(officer, "council-right-to-city");
    assertThat(allCount(member.get(path).body())).isEqualTo(memberBefore + 1);
    assertThat(allCount(outsider.get(path).body())).isEqualTo(outsiderBefore);
    // without JavaScript: the same counts in the page itself
    assertThat(allCount(member.get("/inbox?processKey=document-approval&counts=true").body()))
        .isEqualTo(memberBefore + 1);
    // nobody's counts without signing in
    assertThat(new WebSession(port).get(path).statusCode()).isIn(302, 401);
  }

  @Test
  void aCouncilMemberFindsAndCompletesTheTaskAnotherCouncilCannotReachIt() {
    String process = launch(as("officer"), "council-right-to-city");
    String task = openTask(process);
    WebSession member = as("thandiwe.nkosi");

    HttpResponse<String> inbox = member.get("/inbox");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("/tasks/" + task, "Policy Council on the Right to the City");
    HttpResponse<String> fragment =
        member.get("/inbox?assigned=group", Map.of("HX-Request", "true"));
    assertThat(fragment.body())
        .contains("id=\"inbox-list\"", "/tasks/" + task)
        .doesNotContain("<html");

    WebSession outsider = as("karen.liu");
    assertThat(outsider.get("/inbox").body()).doesNotContain(task);
    assertThat(outsider.get("/tasks/" + task).statusCode()).isEqualTo(403);
    assertThat(outsider.get("/processes/" + process).statusCode()).isEqualTo(403);
    String outsiderToken = WebSession.csrfToken(outsider.get("/inbox").body());
    assertThat(
            outsider
                .postForm(
                    "/tasks/" + task + "/complete",
                    Map.of("decision", "approve", "_csrf", outsiderToken))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            outsider
                .postForm(
                    "/tasks/" + task + "/comments", Map.of("text", "hello", "_csrf", outsiderToken))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            outsider
                .postForm("/tasks/" + task + "/claim", Map.of("_csrf", outsiderToken))
                .statusCode())
        .isEqualTo(403);
    assertThat(member.get("/tasks/nonsense").statusCode()).isEqualTo(404);

    HttpResponse<String> page = member.get("/tasks/" + task);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Annual report",
            "The annual report for the council",
            "Decision",
            "Approve",
            "Document submitted");

    HttpResponse<String> invalid =
        post(
            member, "/tasks/" + task, "/tasks/" + task + "/complete", Map.of("reviewComment", "x"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("This field is required.", "field-document-approval-review-decision-error");
    assertThat(openTask(process)).isEqualTo(task);

    HttpResponse<String> done =
        post(
            member,
            "/tasks/" + task,
            "/tasks/" + task + "/complete",
            Map.of("decision", "approve"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElseThrow())
        .endsWith("/processes/" + process);
    assertThat(member.get("/processes/" + process).body())
        .contains("Done: the task is completed.", "Document approved");

    String token = WebSession.csrfToken(member.get("/inbox").body());
    HttpResponse<String> again =
        member.postForm(
            "/tasks/" + task + "/complete", Map.of("decision", "reject", "_csrf", token));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already been completed");
  }
}
