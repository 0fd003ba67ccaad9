package org.govflow.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.govflow.support.EventPublications;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.MovesTheClock;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A person who chose a daily digest gets one message a day instead of one per task. */
@MailIntegrationTest
@MovesTheClock
class DailyDigestTests {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired DailyDigest digest;

  @AfterEach
  void back() throws Exception {
    ClockUtil.reset();
    put("mathieu.delorme", "{\"delivery\":\"IMMEDIATE\"}");
  }

  @Test
  void heldMessagesGoOutAsOneDigestADayInTheReadersLanguage() throws Exception {
    // Mathieu Delorme, Treasurer, reads French in Paris
    assertThat(put("mathieu.delorme", "{\"delivery\":\"DAILY\"}")).contains("DAILY");
    assertThat(
            new WebSession(port)
                .getAs("mathieu.delorme", "demo", "/api/v1/notifications/preferences")
                .body())
        .contains("DAILY");

    String first = startReview();
    String second = startReview();

    // the others are told at once; Mathieu's messages wait
    await().atMost(Duration.ofSeconds(30)).until(() -> delivered(first).size() == 5);
    assertThat(delivered(first)).noneMatch(m -> to(m).startsWith("mathieu.delorme"));
    assertThat(statusOf("mathieu.delorme", first)).isEqualTo(Outbox.DIGEST);

    // 07:00 in Paris: before the digest time
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T06:00:00Z")));
    assertThat(digest.run()).isZero();
    // 09:00 in Paris
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T08:00:00Z")));
    assertThat(digest.run()).isGreaterThanOrEqualTo(1);
    assertThat(digest.run()).isZero(); // run again, or on another node: nothing more
    ClockUtil.reset();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> digestsFor("mathieu.delorme", first).size() == 1);
    MimeMessage mail = digestsFor("mathieu.delorme", first).get(0);
    assertThat(mail.getSubject()).startsWith("Votre résumé du jour");
    assertThat(NotificationDeliveryTestsSupport.text(mail))
        .contains(
            "À traiter : Examiner le document · Annual report",
            "/tasks/" + first,
            "/tasks/" + second);
    assertThat(statusOf("mathieu.delorme", first)).isEqualTo(Outbox.DIGESTED);
  }

  private String statusOf(String person, String task) {
    return jdbc.queryForObject(
        "select status from notification where recipient_id = ? and task_id = ?",
        String.class,
        person,
        task);
  }

  private static List<MimeMessage> delivered(String task) {
    return Arrays.stream(TestMailServer.received())
        .filter(m -> NotificationDeliveryTestsSupport.text(m).contains("/tasks/" + task))
        .toList();
  }

  private static List<MimeMessage> digestsFor(String person, String task) {
    return delivered(task).stream().filter(m -> to(m).startsWith(person)).toList();
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String put(String user, String body) throws Exception {
    String credentials =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/v1/notifications/preferences"))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
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
