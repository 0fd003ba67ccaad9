package org.govflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the operator watches (docs/operations.md), over real HTTP: the Prometheus scrape with the
 * outbox, engine and process figures, for the operator only; the readiness and liveness probes,
 * their details for the operator only, with the mail server up and down.
 */
@MailIntegrationTest
class OperationsEndpointsTests {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> messages = new ArrayList<>();
  private final List<String> instances = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    messages.forEach(id -> jdbc.sql("delete from notification where id = ?").param(id).update());
    RuntimeService runtime = engine.getRuntimeService();
    for (String id : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test over");
      }
    }
    TestMailServer.start();
  }

  @Test
  void theOperatorScrapesTheOutboxTheEngineAndTheProcesses() {
    // a message waiting three days for its next attempt; older ones the backlog does not count:
    // one the sender gave up on, one sent, one held for a daily digest
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    message("PENDING", now.minusDays(3), now.plusDays(1));
    message("FAILED", now.minusDays(5), now.minusDays(4));
    message("SENT", now.minusDays(10), now.minusDays(10));
    message("DIGEST", now.minusDays(8), now.minusDays(8));
    // three instances of a process of its own: one completes, one is deleted, one has an incident
    String key = "ops-metrics-" + UUID.randomUUID().toString().substring(0, 8);
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait")
                .endEvent()
                .done())
        .deploy();
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance completed = start(key);
    ProcessInstance deleted = start(key);
    ProcessInstance stuck = start(key);
    runtime.signal(completed.getId());
    runtime.deleteProcessInstance(deleted.getId(), "withdrawn");
    runtime.createIncident("ops-test", stuck.getId(), "configuration", "stuck for the test");

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Map<String, Double> scraped = scrape();
              // every test context shares the database and sends or writes messages meanwhile:
              // figures are compared with what this test put there, not with a count of the table
              assertThat(scraped.get("govflow_outbox_pending_messages")).isGreaterThanOrEqualTo(1);
              assertThat(scraped.get("govflow_outbox_failed_messages")).isGreaterThanOrEqualTo(1);
              assertThat(scraped.get("govflow_outbox_oldest_age_seconds"))
                  .isBetween(3 * 86_400.0, 3 * 86_400.0 + 120);
              assertThat(scraped.get("govflow_incidents_open_incidents")).isGreaterThanOrEqualTo(1);
              assertThat(scraped.get("govflow_jobs_due_jobs")).isGreaterThanOrEqualTo(0);
              assertThat(scraped.get("govflow_jobs_failed_jobs")).isGreaterThanOrEqualTo(0);
            });
    Map<String, Double> scraped = scrape();
    assertThat(scraped.get("govflow_process_started_total{process=\"" + key + "\"}")).isEqualTo(3);
    assertThat(
            scraped.get("govflow_process_ended_total{process=\"" + key + "\",state=\"completed\"}"))
        .isEqualTo(1);
    assertThat(
            scraped.get("govflow_process_ended_total{process=\"" + key + "\",state=\"deleted\"}"))
        .isEqualTo(1);
    assertThat(scraped.keySet())
        .anySatisfy(name -> assertThat(name).startsWith("http_server_requests_seconds_bucket{"));
  }

  @Test
  void onlyTheOperatorReadsTheMetrics() throws Exception {
    WebSession anyone = new WebSession(port);
    assertThat(anyone.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(anyone.get("/actuator").statusCode()).isEqualTo(401);
    assertThat(anyone.getAs("admin", "wrong", "/actuator/prometheus").statusCode()).isEqualTo(401);
    for (String person :
        List.of("ibrahima.sarr", "ana.belmonte", "amina.diallo", "president", "sg", "officer")) {
      assertThat(anyone.getAs(person, "demo", "/actuator/prometheus").statusCode())
          .as(person)
          .isEqualTo(403);
    }
    // a member logged in with the browser is refused too, and no page stands in for the answer
    WebSession member = new WebSession(port);
    member.login("ibrahima.sarr", "demo");
    assertThat(member.get("/actuator/prometheus").statusCode()).isEqualTo(403);

    assertThat(scrapeAs(anyone, WebSession.basic("admin", "demo")).statusCode()).isEqualTo(200);
    // Prometheus itself brings the operator's personal access token
    HttpResponse<String> created =
        anyone.send(
            "POST",
            "/api/v1/me/tokens",
            Map.of(
                "Authorization",
                WebSession.basic("admin", "demo"),
                "Content-Type",
                "application/json"),
            "{\"name\":\"prometheus\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String token = json.readTree(created.body()).path("token").asText();
    HttpResponse<String> withToken = scrapeAs(anyone, "Bearer " + token);
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).contains("govflow_outbox_pending_messages");
  }

  @Test
  void probesAnswerAnyoneWithTheStatusAndTheOperatorWithTheDetails() throws Exception {
    WebSession anyone = new WebSession(port);
    for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
      HttpResponse<String> answer = anyone.get(probe);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      JsonNode body = json.readTree(answer.body());
      assertThat(body.path("status").asText()).isEqualTo("UP");
      assertThat(body.has("components")).as(probe + " shows no component").isFalse();
    }
    assertThat(json.readTree(anyone.get("/actuator/health").body()).has("components")).isFalse();
    // a member sees no more than anyone
    JsonNode member =
        json.readTree(anyone.getAs("ibrahima.sarr", "demo", "/actuator/health/readiness").body());
    assertThat(member.has("components")).isFalse();

    JsonNode readiness = readinessAsOperator();
    assertThat(readiness.path("components").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "engine", "mail");
    assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(readiness.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(readiness.at("/components/engine/details/jobExecutor").asText()).isNotBlank();
    assertThat(readiness.at("/components/mail/details/host").asText()).isEqualTo("127.0.0.1");
    JsonNode liveness =
        json.readTree(anyone.getAs("admin", "demo", "/actuator/health/liveness").body());
    assertThat(liveness.path("components").fieldNames())
        .toIterable()
        .containsExactly("livenessState");
  }

  @Test
  void aMailServerThatIsDownIsShownButLeavesTheNodeReady() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> readinessAsOperator().at("/components/mail/status").asText().equals("UP"));

    TestMailServer.stop();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> readinessAsOperator().at("/components/mail/status").asText().equals("DEGRADED"));
    WebSession anyone = new WebSession(port);
    HttpResponse<String> readiness = anyone.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
    JsonNode details = readinessAsOperator();
    assertThat(details.path("status").asText()).isEqualTo("UP");
    assertThat(details.at("/components/mail/details/error").asText()).isNotBlank();
    // the whole health shows the operator that something is wrong, still with HTTP 200
    HttpResponse<String> health = anyone.getAs("admin", "demo", "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("DEGRADED");

    TestMailServer.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> readinessAsOperator().at("/components/mail/status").asText().equals("UP"));
  }

  @Test
  void aNodeThatRefusesTrafficIsUnreadyButAlive() throws Exception {
    WebSession anyone = new WebSession(port);
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> readiness = anyone.get("/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(json.readTree(readiness.body()).path("status").asText())
          .isEqualTo("OUT_OF_SERVICE");
      assertThat(anyone.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(anyone.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  private JsonNode readinessAsOperator() throws Exception {
    return json.readTree(
        new WebSession(port).getAs("admin", "demo", "/actuator/health/readiness").body());
  }

  private ProcessInstance start(String key) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key);
    instances.add(instance.getId());
    return instance;
  }

  private void message(String status, OffsetDateTime created, OffsetDateTime next) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            "insert into notification (id, dedupe_key, kind, recipient_id, email, subject,"
                + " body_text, body_html, created_at, status, attempts, next_attempt_at)"
                + " values (?, ?, 'test', 'amina.diallo', 'amina.diallo@demo.govflow.org',"
                + " 'Operations test', 'text', '<p>text</p>', ?, ?, 0, ?)")
        .params(id, "ops-test:" + id, created, status, next)
        .update();
    messages.add(id);
  }

  /** Prometheus's request: its text format, with the given credentials. */
  private static HttpResponse<String> scrapeAs(WebSession session, String authorization) {
    return session.get(
        "/actuator/prometheus", Map.of("Authorization", authorization, "Accept", "text/plain"));
  }

  /** The scrape as the operator reads it: each sample by its name and labels. */
  private Map<String, Double> scrape() {
    HttpResponse<String> answer = scrapeAs(new WebSession(port), WebSession.basic("admin", "demo"));
    assertThat(answer.statusCode()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    for (String line : answer.body().split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.find()) {
        String labels = sample.group(2) == null ? "" : sample.group(2).replace(",}", "}");
        samples.put(sample.group(1) + labels, Double.valueOf(sample.group(3)));
      }
    }
    return samples;
  }
}
