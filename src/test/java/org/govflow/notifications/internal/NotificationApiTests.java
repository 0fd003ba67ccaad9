package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.govflow.support.EventPublications;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/v1/notifications over real HTTP, and what admins see of messages given up on. */
@MailIntegrationTest
class NotificationApiTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void mailServerBack() {
    TestMailServer.start();
  }

  @Test
  void eachPersonSeesTheirOwnNotificationsInTheirLanguage() throws Exception {
    String task = startReview();

    JsonNode amina =
        json.readTree(
            new WebSession(port).getAs("amina.diallo", "demo", "/api/v1/notifications").body());
    JsonNode mine = find(amina, task);
    assertThat(mine.path("subject").asText())
        .isEqualTo("À traiter : Examiner le document · Annual report");
    assertThat(mine.path("kind").asText()).isEqualTo("TASK");
    assertThat(mine.path("link").asText()).endsWith("/tasks/" + task);
    assertThat(mine.path("recipientId").asText()).isEqualTo("amina.diallo");

    // the officer is not in the Presidency: nothing about that task
    JsonNode officer =
        json.readTree(
            new WebSession(port).getAs("officer", "demo", "/api/v1/notifications").body());
    assertThat(officer.findValuesAsText("taskId")).doesNotContain(task);
  }

  @Test
  void aMessageThatCannotBeDeliveredIsGivenUpAfterTheLastAttemptAndShownToAdmins()
      throws Exception {
    TestMailServer.stop();
    String task = startReview();

    // six attempts, 0.3 s doubling: about 9 s
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification where task_id = ? and status = 'FAILED'",
                        Integer.class,
                        task)
                    == 6);
    assertThat(
            jdbc.queryForList(
                "select attempts from notification where task_id = ?", Integer.class, task))
        .containsOnly(6);

    WebSession session = new WebSession(port);
    assertThat(session.getAs("officer", "demo", "/api/v1/notifications/failed").statusCode())
        .isEqualTo(403);
    HttpResponse<String> failed = session.getAs("admin", "demo", "/api/v1/notifications/failed");
    assertThat(failed.statusCode()).isEqualTo(200);
    JsonNode given = find(json.readTree(failed.body()), task);
    assertThat(given.path("status").asText()).isEqualTo("FAILED");
    assertThat(given.path("lastError").asText()).containsIgnoringCase("connect");

    // and on the notifications page, for admins only
    WebSession admin = new WebSession(port);
    admin.login("admin", "demo");
    assertThat(admin.get("/notifications").body())
        .contains("Messages that could not be delivered", "amina.diallo@demo.govflow.org");
    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    assertThat(officer.get("/notifications").body())
        .doesNotContain("Messages that could not be delivered");
  }

  @Test
  void theNotificationsPageListsTheReadersMessagesInTheirLanguage() {
    String task = startReview();
    WebSession amina = new WebSession(port);
    amina.login("amina.diallo", "demo");

    HttpResponse<String> page = amina.get("/notifications");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "À traiter : Examiner le document · Annual report",
            // opened through the page, which marks it read, then goes to the task
            "/open\"",
            "/api/v1/calendar/")
        .contains("Un résumé par jour");
    assertThat(page.body()).contains("non lu");

    // opening it goes to the task and marks it read
    var open =
        java.util.regex.Pattern.compile("href=\"(/notifications/[^/\"]+/open)\"")
            .matcher(page.body());
    assertThat(open.find()).isTrue();
    HttpResponse<String> opened = amina.get(open.group(1));
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/tasks/" + task);
  }

  private static JsonNode find(JsonNode list, String task) {
    for (JsonNode n : list) {
      if (n.path("taskId").asText().equals(task)) {
        return n;
      }
    }
    throw new AssertionError("No notification about task " + task + " in " + list);
  }

  private String startReview() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Annual report");
    variables.put("summary", "For approval");
    variables.put("approvingBody", "presidency");
    variables.put("respondBy", Date.from(Instant.parse("2026-12-10T18:00:00Z")));
    String instance =
        runtime
            .startProcessInstanceByKey("document-approval", "DA-" + System.nanoTime(), variables)
            .getId();
    // its message to act on is written once the start has committed
    EventPublications.awaitHandled(jdbc);
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }
}
