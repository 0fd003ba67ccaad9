package org.govflow.workplan.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.directory.Directory;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.govflow.workflow.AwaitedDecisions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole cycle on PostgreSQL through the HTTP API, as the people who act, with real mail: the
 * secretariat imports the real 2022 work plan (as the plan of 2027) and assigns actions to two
 * bodies; a quarter's cycle starts; each body's focal point reports; the secretariat returns one
 * report and validates both (never the reporter); the implementation report is compiled and, when
 * the Executive Bureau takes note, the register keeps it with the report's SHA-256.
 */
@MailIntegrationTest
class WorkPlanIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COUNCIL = "council-right-to-city";
  private static final String AFRICA = "section-africa";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired AwaitedDecisions awaited;
  @Autowired DecisionRegister register;
  @Autowired Directory directory;
  @Autowired org.govflow.meetings.Meetings meetings;

  private final HttpClient client = HttpClient.newHttpClient();

  record Answer(int status, JsonNode json, String body) {}

  @Test
  void importAssignReportValidateCompileAndTakeNote() throws Exception {
    byte[] seed = seed();
    assertThat(importPlan("ana.belmonte", seed).status()).isEqualTo(403);
    Answer refused = importPlan("officer", "1. Capítulo\n\n- suelta\n".getBytes(UTF_8));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("3");

    Answer imported = importPlan("officer", seed);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("actions").asInt()).isEqualTo(303);
    assertThat(imported.json().path("chapters").asInt()).isEqualTo(5);
    assertThat(imported.json().path("sections").asInt()).isEqualTo(41);

    assign(
        "1.1-B1",
        COUNCIL,
        "ana.belmonte",
        List.of(Map.of("kind", "declaration", "reference", "DECL-2027-001")));
    assign("1.1-B2", COUNCIL, "ana.belmonte", List.of());
    assign("2.1.1-B1", AFRICA, "ibrahima.sarr", List.of());
    Answer notMember =
        send(
            "officer",
            "PUT",
            "/api/v1/workplans/2027/actions/1.1-B3",
            Map.of("owner", AFRICA, "focalPoint", "ana.belmonte"));
    assertThat(notMember.status()).isEqualTo(400);
    assertThat(notMember.json().path("errors").get(0).path("field").asText())
        .isEqualTo("focalPoint");

    TestMailServer.purge();
    Answer started =
        send(
            "officer",
            "POST",
            "/api/v1/processes",
            Map.of(
                "processKey",
                "workplan-report",
                "values",
                Map.of("year", 2027, "period", "2027-Q1")));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String pid = started.json().path("id").asText();
    String businessKey = started.json().path("businessKey").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> reportTasks(pid).size() == 2);

    // the council's focal point reports; a line on another body's action is refused
    Task council = reportTask(pid, COUNCIL);
    assertThat(
            complete("ana.belmonte", council, Map.of("lines", "2.1.1-B1 | 10 | | 0 | x |"))
                .status())
        .isEqualTo(400);
    assertThat(
            complete(
                    "ana.belmonte",
                    council,
                    Map.of(
                        "lines",
                        "1.1-B1 | 60 | | 0 | Exchange programme launched | https://example.org/e\n"
                            + "1.1-B2 | 100 | done | 0 | Three HUBs set up |"))
                .status())
        .isEqualTo(204);
    Task check = validateTask(pid, COUNCIL);
    Answer ownReport = complete("ana.belmonte", check, Map.of("validation", "validated"));
    assertThat(ownReport.status()).isIn(400, 403);
    assertThat(complete("officer", check, Map.of("validation", "validated")).status())
        .isEqualTo(204);

    // Africa's report is returned once, then validated
    Task africa = reportTask(pid, AFRICA);
    assertThat(
            complete(
                    "ibrahima.sarr",
                    africa,
                    Map.of("lines", "2.1.1-B1 | 10 | | 40 | Contacts made |"))
                .status())
        .isEqualTo(204);
    assertThat(complete("sg", validateTask(pid, AFRICA), Map.of("validation", "returned")).status())
        .isEqualTo(400);
    assertThat(
            complete(
                    "sg",
                    validateTask(pid, AFRICA),
                    Map.of("validation", "returned", "returnComment", "Add the evidence"))
                .status())
        .isEqualTo(204);
    assertThat(
            complete(
                    "ibrahima.sarr",
                    reportTask(pid, AFRICA),
                    Map.of("lines", "2.1.1-B1 | 10 | | 40 | Contacts made | https://example.org/a"))
                .status())
        .isEqualTo(204);
    assertThat(
            complete("officer", validateTask(pid, AFRICA), Map.of("validation", "validated"))
                .status())
        .isEqualTo(204);

    // only validated figures count, with the status from the rule table
    JsonNode plan = send("thandiwe.nkosi", "GET", "/api/v1/workplans/2027", null).json();
    Map<String, JsonNode> actions = new java.util.HashMap<>();
    plan.path("sections")
        .forEach(s -> s.path("actions").forEach(a -> actions.put(a.path("ref").asText(), a)));
    assertThat(actions).hasSize(303);
    assertThat(actions.get("1.1-B1").path("progress").asInt()).isEqualTo(60);
    assertThat(actions.get("1.1-B1").path("status").asText()).isEqualTo("on-track");
    assertThat(actions.get("1.1-B1").path("focalPointName").asText())
        .isEqualTo("Ana Belmonte Ruiz");
    assertThat(actions.get("1.1-B2").path("status").asText()).isEqualTo("done");
    assertThat(actions.get("2.1.1-B1").path("status").asText()).isEqualTo("late");
    assertThat(actions.get("1.1-B3").path("status").asText()).isEqualTo("not-started");

    // compiled by itself; the Executive Bureau takes note; the register keeps its SHA-256
    Answer report = send("officer", "GET", "/api/v1/workplans/2027/report?period=2027-Q1", null);
    assertThat(report.json().path("compiled").asBoolean()).as(report.body()).isTrue();
    String sha = report.json().path("sha256").asText();
    assertThat(sha).hasSize(64);
    HttpResponse<String> csv =
        raw("officer", "/api/v1/workplans/2027/report?period=2027-Q1", "text/csv");
    assertThat(csv.body()).contains("1.1-B1,1.1,basic,,council-right-to-city,on-track,60,0,60");
    HttpResponse<String> html =
        raw("officer", "/api/v1/workplans/2027/report?period=2027-Q1", "text/html");
    assertThat(html.body()).contains("2.1.1-B1").contains("Late");
    assertThat(WorkPlanImports.sha256(html.body())).isEqualTo(sha);

    // each reader reads it in their language (the English record's SHA-256 beside), the PDF too
    WebSession ibrahima = new WebSession(port);
    ibrahima.login("ibrahima.sarr", "demo");
    HttpResponse<String> french = ibrahima.get("/workplan/report?year=2027&period=2027-Q1");
    assertThat(french.statusCode()).isEqualTo(200);
    assertThat(french.body())
        .contains("Plan de travail 2027 : rapport de mise en œuvre T1 2027")
        .contains(">En retard</td>")
        .contains("(Africa/Casablanca)")
        .contains(sha);
    assertThat(ibrahima.get("/workplan?year=2027").body())
        .contains("/workplan/report?year=2027&amp;period=2027-Q1");
    HttpResponse<byte[]> frenchPdf =
        ibrahima.download("/workplan/report.pdf?year=2027&period=2027-Q1");
    assertThat(frenchPdf.statusCode()).isEqualTo(200);
    assertThat(frenchPdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(ImplementationReportLanguagesTests.pdfText(frenchPdf.body()))
        .contains("Plan de travail 2027 : rapport de mise en œuvre T1 2027")
        .contains("En retard");
    HttpResponse<byte[]> spanishPdf =
        client.send(
            request(
                    "ana.belmonte",
                    "/api/v1/workplans/2027/report?period=2027-Q1",
                    "application/pdf")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(spanishPdf.statusCode()).isEqualTo(200);
    assertThat(ImplementationReportLanguagesTests.pdfText(spanishPdf.body()))
        .contains("Plan de trabajo 2027: informe de implementación T1 2027")
        .contains("Con retraso");
    // as the page: only for people signed in
    assertThat(new WebSession(port).download("/workplan/report.pdf?year=2027&period=2027-Q1"))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(302))
        .satisfies(
            r -> assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login"));
    assertThat(
            client
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:"
                                    + port
                                    + "/api/v1/workplans/2027/report?period=2027-Q1"))
                        .header("Accept", "application/pdf")
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            raw("officer", "/api/v1/workplans/2027/report?period=2027-Q5", "application/pdf")
                .statusCode())
        .isEqualTo(400);
    assertThat(awaited.awaiting("executive-bureau"))
        .anySatisfy(a -> assertThat(a.businessKey()).isEqualTo(businessKey));
    assertThat(awaited.decide(businessKey, "noted", null, null)).isTrue();
    List<Decision> decisions = register.ofProcess(pid);
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.content().bodyId()).isEqualTo("executive-bureau");
              assertThat(d.content().outcome()).isEqualTo("noted");
              assertThat(d.content().documentSha256()).isEqualTo(sha);
            });

    // links suggested where an action names a body with a meeting to come; a person confirms
    int demoYear = java.time.Year.now(java.time.ZoneId.of("Europe/Madrid")).getValue();
    String worldCouncil =
        meetings.upcoming(50).stream()
            .filter(m -> m.bodyId().equals("world-council"))
            .findFirst()
            .orElseThrow()
            .businessKey();
    Answer suggested =
        send("officer", "POST", "/api/v1/workplans/" + demoYear + "/suggestions", null);
    assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
    assertThat(suggested.json().path("suggested").asInt()).isPositive();
    JsonNode statutory = null;
    for (JsonNode s :
        send("officer", "GET", "/api/v1/workplans/" + demoYear, null).json().path("sections")) {
      for (JsonNode a : s.path("actions")) {
        if (a.path("ref").asText().equals("3.1-B1")) {
          statutory = a;
        }
      }
    }
    assertThat(statutory).isNotNull();
    // other tests' World Council meetings may be suggested too: this test's is among them
    JsonNode link = null;
    for (JsonNode l : statutory.path("links")) {
      if (l.path("reference").asText().equals(worldCouncil)) {
        link = l;
      }
    }
    assertThat(link).as(statutory.path("links").toString()).isNotNull();
    assertThat(link.path("kind").asText()).isEqualTo("meeting");
    assertThat(link.path("confirmed").asBoolean()).isFalse();
    assertThat(link.path("reason").asText()).isEqualTo("World Council");
    Answer confirmed =
        send(
            "officer",
            "POST",
            "/api/v1/workplans/"
                + demoYear
                + "/actions/3.1-B1/links/"
                + link.path("id").asLong()
                + "/confirm",
            null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    JsonNode confirmedLink = null;
    for (JsonNode l : confirmed.json().path("links")) {
      if (l.path("id").asLong() == link.path("id").asLong()) {
        confirmedLink = l;
      }
    }
    assertThat(confirmedLink).as(confirmed.body()).isNotNull();
    assertThat(confirmedLink.path("confirmed").asBoolean()).isTrue();

    // the focal points heard of their report tasks by mail
    String anaMail = directory.person("ana.belmonte").orElseThrow().email();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Arrays.stream(TestMailServer.received()).anyMatch(m -> to(m, anaMail)));
  }

  private void assign(String ref, String body, String focalPoint, List<Map<String, String>> links)
      throws Exception {
    Answer answer =
        send(
            "officer",
            "PUT",
            "/api/v1/workplans/2027/actions/" + ref,
            Map.of("owner", body, "focalPoint", focalPoint, "links", links));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private List<Task> reportTasks(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Report").list();
  }

  private Task reportTask(String pid, String body) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pid)
        .taskDefinitionKey("Report")
        .taskCandidateGroup(body)
        .singleResult();
  }

  private Task validateTask(String pid, String body) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pid)
        .taskDefinitionKey("Validate")
        .list()
        .stream()
        .filter(t -> body.equals(tasks.getVariable(t.getId(), "body")))
        .findFirst()
        .orElseThrow();
  }

  private Answer complete(String as, Task task, Map<String, ?> values) throws Exception {
    return send(
        as, "POST", "/api/v1/tasks/" + task.getId() + "/complete", Map.of("values", values));
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      Address[] all = message.getAllRecipients();
      return all != null && Arrays.stream(all).anyMatch(a -> a.toString().contains(address));
    } catch (Exception e) {
      return false;
    }
  }

  private Answer importPlan(String as, byte[] content) throws Exception {
    String boundary = "----wp" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2027\r\n")
            .getBytes(UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\nContent-Type: text/plain\r\n\r\n")
            .getBytes(UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
    return answer(
        request(as, "/api/v1/workplans", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private Answer send(String as, String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = request(as, path, "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return answer(request.build());
  }

  private HttpResponse<String> raw(String as, String path, String accept) throws Exception {
    return client.send(
        request(as, path, accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String as, String path, String accept) {
    String token = Base64.getEncoder().encodeToString((as + ":demo").getBytes(UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token)
        .header("Accept", accept)
        .header("Accept-Language", "en");
  }

  private Answer answer(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    } catch (IOException notJson) {
      json = JSON.missingNode();
    }
    return new Answer(response.statusCode(), json, response.body());
  }

  private static byte[] seed() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../shared/seed"))) {
      return Files.readAllBytes(
          files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow());
    }
  }
}
