package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.documents.Documents;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.support.WebSession;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every endpoint and page of govflow (as Spring MVC maps them, so a new
 * one without a row fails here) × six callers, against the seeded demo organisation, with the
 * expected answers in {@code src/test/resources/security/authorization-matrix.csv}; {@code
 * docs/security.md} shows the same table.
 *
 * <p>The objects are real: a document approval of the Right to the City council (launched here),
 * the demo World Council meeting, the demo declaration, MoU, work plan and register. The member
 * (Thandiwe Nkosi) sits in both; the unrelated member (Timur Galiev, Multilevel Governance and
 * Finance council) in neither, though his council is asked for agenda items of the meeting.
 *
 * <p>A write is sent without its fields (an empty JSON object, a form with its CSRF token only): a
 * caller who may act is answered "refused" (400/409/415: the request was read and refused for its
 * content or state, nothing changed) or "ok" for actions that need no fields; one who may not is
 * answered 401, 403, 404 or sent to the login page. No answer may be a 5xx.
 *
 * <p>Run with {@code -Dmatrix.record=true} to write the answers seen into the table and the doc
 * (then read the diff: every change is a decision about who may do what).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// its probes change demo objects (an MoU ended, a meeting moved): on a database of its own
@ContextConfiguration(initializers = PostgresTestDatabase.Separate.class)
class AuthorizationMatrixTests {

  static final Path TABLE = Path.of("src/test/resources/security/authorization-matrix.csv");
  static final Path DOC = Path.of("docs/security.md");
  static final String DOC_START = "<!-- authorization-matrix:start -->";
  static final String DOC_END = "<!-- authorization-matrix:end -->";

  /** The six callers, in the table's column order: a person id, or null for nobody logged in. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("anonymous", null);
    ROLES.put("unrelated", "timur.galiev");
    ROLES.put("member", "thandiwe.nkosi");
    ROLES.put("secretariat", "officer");
    ROLES.put("leadership", "president");
    ROLES.put("operator", "admin");
  }

  /** Served by Camunda (not Spring MVC) or Spring Boot: rows kept in the table by hand. */
  static final List<String> EXTRA =
      List.of(
          "GET /engine-rest/engine",
          "GET /engine-rest/task",
          "GET /camunda/app/cockpit/default/",
          "GET /v3/api-docs");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Processes processes;
  @Autowired Documents documents;
  @Autowired TaskService tasks;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final ObjectMapper json = new ObjectMapper();

  /** Every govflow endpoint and page, as "METHOD /pattern". */
  private TreeSet<String> endpoints() {
    TreeSet<String> all = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("org.govflow")) {
        continue;
      }
      RequestMappingInfo info = e.getKey();
      List<String> methods =
          info.getMethodsCondition().getMethods().isEmpty()
              ? List.of("GET")
              : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
      for (String method : methods) {
        for (String pattern : info.getPatternValues()) {
          all.add(method + " " + pattern);
        }
      }
    }
    return all;
  }

  @Test
  void everyEndpointAndPageAnswersEachCallerAsTheTableSays() throws Exception {
    Map<String, List<String>> expected = readTable();
    TreeSet<String> endpoints = endpoints();
    boolean record = Boolean.getBoolean("matrix.record");

    if (!record) {
      assertThat(expected.keySet())
          .as("every endpoint and page has a row in " + TABLE + " (a new one needs its row)")
          .containsAll(endpoints);
      assertThat(endpoints)
          .as("every row of " + TABLE + " is an endpoint or page that exists")
          .containsAll(expected.keySet().stream().filter(k -> !EXTRA.contains(k)).toList());
    }

    Fixture fixture = new Fixture();
    Map<String, List<String>> seen = new LinkedHashMap<>();
    TreeSet<String> rows = new TreeSet<>(endpoints);
    rows.addAll(EXTRA);
    List<String> fiveHundreds = new ArrayList<>();
    for (String row : rows) {
      String method = row.substring(0, row.indexOf(' '));
      String path = fixture.path(row.substring(row.indexOf(' ') + 1));
      List<String> answers = new ArrayList<>();
      for (String role : ROLES.keySet()) {
        HttpResponse<String> response = fixture.call(role, method, path);
        if (response.statusCode() >= 500) {
          fiveHundreds.add(row + " as " + role + ": " + response.statusCode());
        }
        answers.add(answer(method, response));
      }
      seen.put(row, answers);
    }

    if (record) {
      writeTable(seen);
      writeDoc(seen);
    }
    assertThat(fiveHundreds).as("no 5xx").isEmpty();
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, List<String>> row : seen.entrySet()) {
      List<String> want = expected.get(row.getKey());
      if (want != null && !want.equals(row.getValue())) {
        differences.add(
            row.getKey() + ": expected " + want + " but the callers got " + row.getValue());
      }
    }
    assertThat(differences).as("answers that differ from " + TABLE).isEmpty();
  }

  @Test
  void theDocShowsTheTable() throws IOException {
    Map<String, List<String>> table = readTable();
    String doc = Files.readString(DOC);
    assertThat(doc.substring(doc.indexOf(DOC_START), doc.indexOf(DOC_END) + DOC_END.length()))
        .as("docs/security.md shows " + TABLE + " (run this test with -Dmatrix.record=true)")
        .isEqualTo(docSection(table));
  }

  /**
   * What a caller got, as the table writes it. A write that got past the caller's rights is "in"
   * whether it was done or refused for its content or the object's state: which of the two depends
   * on what earlier tests of the run did to the demo objects, not on who may act.
   */
  private static String answer(String method, HttpResponse<String> response) {
    int status = response.statusCode();
    String answer;
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("");
      answer = location.endsWith("/login") ? "login" : "ok";
    } else if (status >= 200 && status < 300) {
      answer = "ok";
    } else if (status == 400 || status == 405 || status == 409 || status == 415 || status == 422) {
      answer = "refused";
    } else {
      return Integer.toString(status);
    }
    return method.equals("GET") || answer.equals("login") ? answer : "in";
  }

  private static Map<String, List<String>> readTable() throws IOException {
    Map<String, List<String>> table = new LinkedHashMap<>();
    if (!Files.exists(TABLE)) {
      return table;
    }
    for (String line : Files.readAllLines(TABLE)) {
      if (line.isBlank() || line.startsWith("method,")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      table.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
    }
    return table;
  }

  private static void writeTable(Map<String, List<String>> seen) throws IOException {
    StringBuilder csv = new StringBuilder("method,path," + String.join(",", ROLES.keySet()) + "\n");
    seen.forEach(
        (row, answers) ->
            csv.append(row.replace(' ', ','))
                .append(',')
                .append(String.join(",", answers))
                .append('\n'));
    Files.createDirectories(TABLE.getParent());
    Files.writeString(TABLE, csv.toString());
  }

  private static void writeDoc(Map<String, List<String>> seen) throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf(DOC_START);
    int end = doc.indexOf(DOC_END);
    if (start < 0 || end < 0) {
      throw new IllegalStateException("docs/security.md needs the markers " + DOC_START);
    }
    Files.writeString(
        DOC, doc.substring(0, start) + docSection(seen) + doc.substring(end + DOC_END.length()));
  }

  static String docSection(Map<String, List<String>> table) {
    StringBuilder md = new StringBuilder(DOC_START).append("\n\n");
    md.append("| Method | Path | ").append(String.join(" | ", ROLES.keySet())).append(" |\n");
    md.append("| --- | --- |").append(" --- |".repeat(ROLES.size())).append('\n');
    table.forEach(
        (row, answers) -> {
          String method = row.substring(0, row.indexOf(' '));
          String path = row.substring(row.indexOf(' ') + 1);
          md.append("| ")
              .append(method)
              .append(" | `")
              .append(path)
              .append("` | ")
              .append(String.join(" | ", answers))
              .append(" |\n");
        });
    return md.append('\n').append(DOC_END).toString();
  }

  /** The demo objects the paths name, and a logged-in browser and a token for each caller. */
  private final class Fixture {

    final Map<String, WebSession> browsers = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, String> values = new LinkedHashMap<>();

    Fixture() throws Exception {
      for (Map.Entry<String, String> role : ROLES.entrySet()) {
        WebSession browser = new WebSession(port);
        if (role.getValue() != null) {
          HttpResponse<String> login = browser.login(role.getValue(), "demo");
          assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
          tokens.put(role.getKey(), token(role.getValue(), "authorization matrix"));
        }
        browsers.put(role.getKey(), browser);
      }
      StartedProcess approval =
          processes.start(
              "document-approval",
              Map.of(
                  "title", "Authorization matrix: terms of reference",
                  "summary", "Probe",
                  "approvingBody", "council-right-to-city",
                  "respondBy", LocalDate.now().plusDays(10).toString()),
              "officer");
      values.put("process", approval.id());
      values.put(
          "task",
          tasks.createTaskQuery().processInstanceId(approval.id()).list().stream()
              .map(Task::getId)
              .findFirst()
              .orElse("0"));
      values.putAll(DemoPaths.demoObjects(jdbc));
      // the approval's own document, so the document rows probe a document of that council
      documents.upload(
          new Participant("officer", Set.of(), true),
          approval.id(),
          null,
          "terms-of-reference.txt",
          "Terms of reference of the probe".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      values.put("decision", one("select cast(min(id) as varchar) from decision").orElse("0"));
      values.put(
          "document",
          one("select min(id) from document where process_instance_id = '" + approval.id() + "'")
              .orElseThrow());
      // a spare token of the member, for the rows that revoke one
      values.put(
          "memberToken", json.readTree(createToken("thandiwe.nkosi", "spare")).path("id").asText());
      values.put("webhook", webhook());
    }

    private Optional<String> one(String sql) {
      return DemoPaths.one(jdbc, sql);
    }

    private String createToken(String person, String name) {
      return DemoPaths.createToken(port, person, name);
    }

    private String token(String person, String name) throws IOException {
      return DemoPaths.token(port, json, person, name);
    }

    private String webhook() throws IOException {
      HttpResponse<String> created =
          new WebSession(port)
              .send(
                  "POST",
                  "/api/v1/webhooks",
                  Map.of(
                      "Content-Type",
                      "application/json",
                      "Accept",
                      "application/json",
                      "Authorization",
                      "Bearer " + tokens.get("operator")),
                  "{\"url\":\"http://127.0.0.1:9/matrix\",\"events\":[\"decision.recorded\"]}");
      return created.statusCode() < 300
          ? json.readTree(created.body()).path("id").asText("0")
          : "0";
    }

    /** The pattern with each variable replaced by a real object's id. */
    String path(String pattern) {
      return DemoPaths.path(pattern, values, null, null);
    }

    HttpResponse<String> call(String role, String method, String path) {
      boolean api =
          path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/v3/");
      Map<String, String> headers = new LinkedHashMap<>();
      String body = null;
      if (api) {
        headers.put("Accept", "application/json");
        if (tokens.containsKey(role)) {
          headers.put("Authorization", "Bearer " + tokens.get(role));
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
          headers.put("Content-Type", "application/json");
          body = "{}";
        }
        return new WebSession(port).send(method, path, headers, body);
      }
      WebSession browser = browsers.get(role);
      if (!method.equals("GET")) {
        String page = browser.get(role.equals("anonymous") ? "/login" : "/").body();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        body = "_csrf=" + URLEncoder.encode(WebSession.csrfToken(page), StandardCharsets.UTF_8);
      }
      return browser.send(method, path, headers, body);
    }
  }
}
