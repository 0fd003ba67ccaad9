package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The malformed inputs a probe sent (issue 16, found 5 to 7): each is answered 4xx with a message
 * saying what to fix, and changes nothing.
 */
@IntegrationTest
class BadInputTests {

  static final String SECRETARIAT = "officer";
  static final String MEMBER = "thandiwe.nkosi";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> call(String user, String method, String path, String body) {
    return new WebSession(port)
        .send(
            method,
            path,
            Map.of(
                "Authorization", WebSession.basic(user, "demo"),
                "Accept", "application/json",
                "Content-Type", "application/json",
                "Accept-Language", "en"),
            body);
  }

  private String reviewTask() {
    String process =
        runtime
            .startProcessInstanceByKey(
                "document-approval",
                Map.of(
                    "title", "Budget 2027",
                    "summary", "The draft budget",
                    "approvingBody", "council-right-to-city",
                    "respondBy", LocalDate.now().plusDays(10).toString(),
                    "initiator", SECRETARIAT))
            .getId();
    return tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
  }

  private void assertClientError(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json.readTree(answer.body()).path("detail").asText()).isNotBlank();
  }

  @Test
  void aNumberBeyondADoubleInAStartFormIsAFieldError() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    String body =
        "{\"processKey\":\"policy-recommendation\",\"values\":{\"title\":\"T\",\"consultationDays\":1e400}}";

    HttpResponse<String> answer = call(SECRETARIAT, "POST", "/api/v1/processes", body);

    assertClientError(answer, 400);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void pagesBeyondEveryRowAreEmptyNotErrors() {
    assertThat(call(MEMBER, "GET", "/api/v1/inbox?page=107374183", null).statusCode())
        .isEqualTo(200);
    assertThat(call(MEMBER, "GET", "/api/v1/inbox?page=2147483647&size=100", null).statusCode())
        .isEqualTo(200);
    WebSession browser = new WebSession(port);
    browser.login(MEMBER, "demo");
    assertThat(browser.get("/inbox?page=2147483647").statusCode()).isEqualTo(200);
  }

  @Test
  void aPathParameterOnCamundasRestApiIsNoServerError() {
    HttpResponse<String> answer = new WebSession(port).get("/engine-rest;a=b/engine");
    assertThat(answer.statusCode()).isBetween(400, 499);
  }

  @Test
  void scalarsAreNotCoerced() throws Exception {
    HttpResponse<String> delivery =
        call(MEMBER, "PUT", "/api/v1/notifications/preferences", "{\"delivery\":1}");
    assertClientError(delivery, 400);
    assertThat(json.readTree(delivery.body()).path("errors").findValuesAsText("field"))
        .containsExactly("delivery");
    assertThat(call(MEMBER, "GET", "/api/v1/notifications/preferences", null).body())
        .doesNotContain("DAILY");

    String task = reviewTask();
    HttpResponse<String> number =
        call(MEMBER, "POST", "/api/v1/tasks/" + task + "/comments", "{\"text\":123}");
    assertClientError(number, 400);
    assertThat(json.readTree(number.body()).path("errors").findValuesAsText("field"))
        .containsExactly("text");
    assertThat(tasks.getTaskComments(task)).isEmpty();
  }

  @Test
  void controlCharactersAreRefusedInTexts() throws Exception {
    String task = reviewTask();

    HttpResponse<String> nul =
        call(MEMBER, "POST", "/api/v1/tasks/" + task + "/comments", "{\"text\":\"a\\u0000b\"}");

    assertClientError(nul, 400);
    JsonNode error = json.readTree(nul.body()).path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("text");
    assertThat(error.path("message").asText()).contains("control characters");
    assertThat(tasks.getTaskComments(task)).isEmpty();
    // line breaks and tabs are text
    assertThat(
            call(
                    MEMBER,
                    "POST",
                    "/api/v1/tasks/" + task + "/comments",
                    "{\"text\":\"one\\n\\ttwo\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void controlCharactersAndBidiOverridesAreRefusedInPageForms() {
    String task = reviewTask();
    WebSession browser = new WebSession(port);
    browser.login(MEMBER, "demo");
    String csrf = WebSession.csrfToken(browser.get("/tasks/" + task).body());

    for (String text : List.of("a\u0000b", "a\u0007b", "evil\u202Etxt.exe", "x\u2066y")) {
      HttpResponse<String> refused =
          browser.postForm("/tasks/" + task + "/comments", Map.of("text", text, "_csrf", csrf));
      assertThat(refused.statusCode()).as(text).isEqualTo(400);
      assertThat(refused.body()).contains("invisible control character");
    }
    assertThat(tasks.getTaskComments(task)).isEmpty();

    // line breaks and tabs are text
    HttpResponse<String> kept =
        browser.postForm(
            "/tasks/" + task + "/comments", Map.of("text", "one\r\n\ttwo", "_csrf", csrf));
    assertThat(kept.statusCode()).isEqualTo(302);
    assertThat(tasks.getTaskComments(task)).hasSize(1);
  }

  @Test
  void unreadableJsonSaysWhere() throws Exception {
    HttpResponse<String> answer =
        call(MEMBER, "PUT", "/api/v1/notifications/preferences", "{\n  \"delivery\": DAILY\n}");

    assertClientError(answer, 400);
    assertThat(json.readTree(answer.body()).path("detail").asText()).contains("line 2, column");
  }

  private HttpResponse<String> upload(String process, String fileName) {
    String boundary = "----govflow" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--"
            + boundary
            + "--\r\n";
    return new WebSession(port)
        .send(
            "POST",
            "/api/v1/processes/" + process + "/documents",
            Map.of(
                "Authorization",
                WebSession.basic(SECRETARIAT, "demo"),
                "Accept",
                "application/json",
                "Accept-Language",
                "en",
                "Content-Type",
                "multipart/form-data; boundary=" + boundary),
            body);
  }

  @Test
  void fileNamesLoseBidirectionalControlsAndALongNameIsNoSizeProblem() throws Exception {
    String process =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(
                tasks.createTaskQuery().taskId(reviewTask()).singleResult().getProcessInstanceId())
            .singleResult()
            .getId();

    HttpResponse<String> bidi = upload(process, "evil\u202etxt.exe");
    assertThat(bidi.statusCode()).as(bidi.body()).isLessThan(500);
    assertThat(
            jdbc.sql("select count(*) from document_version where file_name like :n")
                .param("n", "%\u202e%")
                .query(Integer.class)
                .single())
        .isZero();

    HttpResponse<String> longName = upload(process, "a".repeat(446) + ".txt");
    assertThat(longName.statusCode()).as(longName.body()).isNotEqualTo(413).isLessThan(500);
    assertThat(longName.body()).doesNotContain("MB");
    HttpResponse<String> huge = upload(process, "a".repeat(9000) + ".txt");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(json.readTree(huge.body()).path("detail").asText()).contains("file name");
  }
}
