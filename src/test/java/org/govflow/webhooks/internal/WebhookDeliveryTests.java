package org.govflow.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.deadlines.DeadlineSettings;
import org.govflow.deadlines.EscalationBecameDue;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.Votes;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.DueTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end on PostgreSQL: the operator registers a receiver over the API; a decision
 * recorded and published reaches it once each, signed, after the receiver was down for a while; two
 * nodes sending at once post nothing twice; a change rolled back sends nothing; every kind of event
 * an endpoint may choose is delivered once; the operator's page shows the delivery log in English,
 * French and Spanish.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "govflow.webhooks.allow-private-targets=true",
      "govflow.webhooks.first-retry=1s",
      "govflow.webhooks.max-retry=2s",
      "govflow.webhooks.poll-interval=300ms"
    })
class WebhookDeliveryTests {

  record Received(String deliveryId, String event, String body, boolean signed) {}

  /** A delivery a test waits for: of this kind, its data's field with this value. */
  record Expected(String kind, String field, String value) {

    List<Received> in(List<Received> received) {
      return received.stream()
          .filter(r -> kind.equals(r.event()))
          .filter(r -> value.equals(readTree(r.body()).path("data").path(field).asText()))
          .toList();
    }

    JsonNode data(List<Received> received) {
      return readTree(in(received).get(0).body()).path("data");
    }
  }

  static final String SECRET = "a-secret-of-the-receiver-1234";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DecisionRegister register;
  @Autowired WebhookSender sender;
  @Autowired TransactionTemplate transactions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationEventPublisher events;

  final List<Received> received = new CopyOnWriteArrayList<>();
  HttpServer receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void eachEventReachesTheReceiverOnceSignedEvenAfterItWasDown() throws Exception {
    int receiverPort = freePort();
    String url = "http://127.0.0.1:" + receiverPort + "/hook";
    HttpResponse<String> registered =
        post(
            "admin",
            "/api/v1/webhooks",
            Map.of(
                "url",
                url,
                "secret",
                SECRET,
                "events",
                List.of("decision.recorded", "decision.published", "process.started")));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String endpoint = JSON.readTree(registered.body()).path("id").asText();

    // a change rolled back: nothing to send
    String rolledBack = "Rolled back " + UUID.randomUUID();
    transactions.executeWithoutResult(
        tx -> {
          register.record(decision(rolledBack));
          tx.setRollbackOnly();
        });

    // the receiver is down: the deliveries wait and are tried again
    String subject = "Webhook " + UUID.randomUUID();
    Decision decision = register.record(decision(subject));
    register.publish(decision.id(), "sg");
    String businessKey = "DA-" + UUID.randomUUID();
    runtime.startProcessInstanceByKey(
        "document-approval",
        businessKey,
        Map.of(
            "title", "Annual report",
            "summary", "For approval",
            "approvingBody", "presidency",
            "respondBy", java.util.Date.from(Instant.parse("2027-12-10T18:00:00Z"))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(log(endpoint))
                    .anySatisfy(
                        d -> {
                          assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
                          assertThat(d.path("status").asText()).isEqualTo("pending");
                          assertThat(d.path("lastError").asText()).isNotBlank();
                        }));

    // it comes back; meanwhile two nodes send at once
    startReceiver(receiverPort);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      // two nodes send at once, round after round, until both deliveries have arrived
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                List<Future<Integer>> sent =
                    nodes.invokeAll(
                        List.of(
                            () -> transactions.execute(tx -> sender.sendBatch()),
                            () -> transactions.execute(tx -> sender.sendBatch())));
                for (Future<Integer> f : sent) {
                  f.get();
                }
                return ours(subject).size() >= 2;
              });
    } finally {
      nodes.shutdown();
    }
    // and nothing arrives twice afterwards
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(ours(subject)).hasSize(2));

    List<Received> ours = ours(subject);
    assertThat(ours)
        .extracting(Received::event)
        .containsExactlyInAnyOrder("decision.recorded", "decision.published");
    assertThat(ours).allSatisfy(r -> assertThat(r.signed()).as(r.body()).isTrue());
    assertThat(received.stream().map(Received::deliveryId).distinct().count())
        .isEqualTo(received.size());
    assertThat(received).noneSatisfy(r -> assertThat(r.body()).contains(rolledBack));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(received)
                    .filteredOn(r -> r.body().contains(businessKey))
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.event()).isEqualTo("process.started");
                          assertThat(r.signed()).isTrue();
                        }));
    JsonNode published =
        JSON.readTree(
            ours.stream()
                .filter(r -> r.event().equals("decision.published"))
                .findFirst()
                .orElseThrow()
                .body());
    assertThat(published.path("event").asText()).isEqualTo("decision.published");
    assertThat(published.path("data").path("decisionId").asLong()).isEqualTo(decision.id());
    assertThat(published.path("deliveryId").asText())
        .isEqualTo(
            ours.stream()
                .filter(r -> r.event().equals("decision.published"))
                .findFirst()
                .orElseThrow()
                .deliveryId());
    assertThat(log(endpoint))
        .filteredOn(d -> d.path("eventId").asText().endsWith("-" + decision.id()))
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("delivered"));
  }

  @Test
  void everyKindOfEventReachesAnEndpointSubscribedToItOnceSigned() throws Exception {
    List<String> kinds =
        List.of(
            "decision.recorded",
            "decision.published",
            "process.started",
            "process.ended",
            "meeting.convened",
            "meeting.moved",
            "meeting.cancelled",
            "task.overdue");
    assertThat(Webhooks.kinds()).containsExactlyInAnyOrderElementsOf(kinds);
    int receiverPort = freePort();
    startReceiver(receiverPort);
    HttpResponse<String> registered =
        post(
            "admin",
            "/api/v1/webhooks",
            Map.of(
                "url",
                "http://127.0.0.1:" + receiverPort + "/hook",
                "secret",
                SECRET,
                "events",
                kinds));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String endpoint = JSON.readTree(registered.body()).path("id").asText();
    try {
      // a World Council meeting launched over the API, convened, moved, then called off
      LocalDate day = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(50);
      HttpResponse<String> launched =
          post(
              "officer",
              "/api/v1/processes",
              Map.of("processKey", "statutory-meeting", "values", meeting(day)));
      assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
      String meetingProcess = JSON.readTree(launched.body()).path("id").asText();
      String meeting = JSON.readTree(launched.body()).path("businessKey").asText();
      String approval =
          tasks
              .createTaskQuery()
              .processInstanceId(meetingProcess)
              .taskDefinitionKey("ApproveConvocation")
              .singleResult()
              .getId();
      HttpResponse<String> approved =
          post(
              "president",
              "/api/v1/tasks/" + approval + "/complete",
              Map.of("values", Map.of("convocationDecision", "approve")));
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
      LocalDate later = day.plusDays(7);
      HttpResponse<String> moved =
          post(
              "officer",
              "/api/v1/meetings/" + meeting + "/reschedule",
              Map.of(
                  "start", later + "T10:00", "end", later + "T12:00", "timeZone", "Europe/Madrid"));
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
      HttpResponse<String> calledOff =
          post(
              "officer",
              "/api/v1/meetings/" + meeting + "/cancel",
              Map.of("reason", "The venue is closed"));
      assertThat(calledOff.statusCode()).as(calledOff.body()).isEqualTo(204);

      // a task late enough to be escalated, announced as the deadline sweep announces it
      // (ReminderAndEscalationTests), twice, as two nodes' sweeps would
      String review = "DA-" + UUID.randomUUID();
      runtime.startProcessInstanceByKey(
          "document-approval",
          review,
          Map.of(
              "title", "Annual report",
              "summary", "For approval",
              "approvingBody", "presidency",
              "respondBy", java.util.Date.from(Instant.parse("2027-12-10T18:00:00Z"))));
      Task late = tasks.createTaskQuery().processInstanceBusinessKey(review).singleResult();
      DueTask due =
          new DueTask(
              late.getId(),
              late.getName(),
              "document-approval",
              late.getTaskDefinitionKey(),
              late.getProcessInstanceId(),
              review,
              null,
              List.of("presidency"),
              late.getDueDate().toInstant());
      for (int sweep = 0; sweep < 2; sweep++) {
        transactions.executeWithoutResult(
            tx ->
                events.publishEvent(
                    new EscalationBecameDue(
                        due, 2, List.of(DeadlineSettings.BODY_CHAIRS, "secretariat"))));
      }

      // and a decision recorded, then published
      String subject = "Every kind " + UUID.randomUUID();
      Decision decision = register.record(decision(subject));
      register.publish(decision.id(), "sg");

      // the review approved: its process reaches its end event
      tasks.complete(late.getId(), Map.of("decision", "approve"));

      // what the receiver must get, each once: an event kind and what its data is about
      List<Expected> expected =
          List.of(
              new Expected("process.started", "processInstanceId", meetingProcess),
              new Expected("meeting.convened", "businessKey", meeting),
              new Expected("meeting.moved", "businessKey", meeting),
              new Expected("meeting.cancelled", "businessKey", meeting),
              new Expected("process.ended", "processInstanceId", meetingProcess),
              new Expected("task.overdue", "taskId", late.getId()),
              new Expected("process.ended", "processInstanceId", late.getProcessInstanceId()),
              new Expected("decision.recorded", "subject", subject),
              new Expected("decision.published", "subject", subject));
      assertThat(expected.stream().map(Expected::kind).distinct())
          .containsExactlyInAnyOrderElementsOf(kinds);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(expected)
                      .allSatisfy(e -> assertThat(e.in(received)).as(e.toString()).isNotEmpty()));
      // each once, however long one waits, signed
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(6))
          .untilAsserted(
              () ->
                  assertThat(expected)
                      .allSatisfy(e -> assertThat(e.in(received)).as(e.toString()).hasSize(1)));
      assertThat(expected)
          .allSatisfy(e -> assertThat(e.in(received).get(0).signed()).as(e.toString()).isTrue());

      // the meeting's process ended with its call-off, though it reached no end event
      JsonNode ended = expected.get(4).data(received);
      assertThat(ended.path("processKey").asText()).isEqualTo("statutory-meeting");
      assertThat(ended.path("businessKey").asText()).isEqualTo(meeting);
      assertThat(ended.path("cancelled").asBoolean()).isTrue();
      assertThat(ended.path("reason").asText()).isEqualTo("The venue is closed");
      JsonNode approvedEnd = expected.get(6).data(received);
      assertThat(approvedEnd.path("endEvent").asText()).isEqualTo("DocumentApproved");
      assertThat(approvedEnd.path("cancelled").asBoolean()).isFalse();
      JsonNode movedTo = expected.get(2).data(received);
      assertThat(movedTo.path("sequence").asInt()).isEqualTo(1);
      assertThat(movedTo.path("start").asText()).startsWith(later.toString());
      JsonNode overdue = expected.get(5).data(received);
      assertThat(overdue.path("businessKey").asText()).isEqualTo(review);
      assertThat(overdue.path("workingDaysLate").asInt()).isEqualTo(2);
    } finally {
      assertThat(delete("admin", "/api/v1/webhooks/" + endpoint).statusCode()).isEqualTo(204);
    }
  }

  @Test
  void registrationsWithABadAddressOrEventsAreRefusedWithTheFieldsToFix() throws Exception {
    HttpResponse<String> bad =
        post(
            "admin",
            "/api/v1/webhooks",
            Map.of("url", "ftp://example.org/x", "secret", "short", "events", List.of("nope")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("url", "secret", "events");
    // not for anyone but operators
    assertThat(
            post(
                    "officer",
                    "/api/v1/webhooks",
                    Map.of("url", "https://example.org", "events", List.of("decision.published")))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theOperatorRegistersOnThePageSeesTheSecretOnceAndTheDeliveryLog() throws Exception {
    WebSession admin = new WebSession(port);
    admin.login("admin", "demo");
    HttpResponse<String> page = admin.get("/operator/webhooks");
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = WebSession.csrfToken(page.body());

    HttpResponse<String> refused =
        admin.postForm(
            "/operator/webhooks",
            List.of(Map.entry("_csrf", csrf), Map.entry("url", "ftp://nowhere")));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Enter an http or https address.", "Choose at least one event.");

    HttpResponse<String> registered =
        admin.postForm(
            "/operator/webhooks",
            List.of(
                Map.entry("_csrf", csrf),
                Map.entry("url", "http://127.0.0.1:9/page-hook"),
                Map.entry("events", "decision.published"),
                Map.entry("events", "meeting.convened")));
    assertThat(registered.statusCode()).isEqualTo(302);
    HttpResponse<String> after = admin.get("/operator/webhooks");
    assertThat(after.body())
        .contains("http://127.0.0.1:9/page-hook", "Decision published", "Meeting convened")
        .contains("class=\"webhook-secret\"");
    // the secret is shown once
    assertThat(admin.get("/operator/webhooks").body()).doesNotContain("class=\"webhook-secret\"");

    // a decision published: nothing answers on port 9, so the log shows the delivery waiting, with
    // its attempts and the last error, in the reader's language
    String endpoint =
        readTree(get("admin", "/api/v1/webhooks").body()).findParents("url").stream()
            .filter(e -> e.path("url").asText().equals("http://127.0.0.1:9/page-hook"))
            .map(e -> e.path("id").asText())
            .findFirst()
            .orElseThrow();
    Decision decision = register.record(decision("Page log " + UUID.randomUUID()));
    register.publish(decision.id(), "sg");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(log(endpoint))
                    .anySatisfy(
                        d -> {
                          assertThat(d.path("eventId").asText())
                              .isEqualTo("decision-published-" + decision.id());
                          assertThat(d.path("attempts").asInt()).isPositive();
                          assertThat(d.path("lastError").asText()).isNotBlank();
                        }));
    assertThat(admin.get("/operator/webhooks?lang=en").body())
        .contains("Latest deliveries", "Attempts", "Last error", "Waiting to be sent")
        .contains("ConnectException");
    assertThat(admin.get("/operator/webhooks?lang=fr").body())
        .contains("Derniers envois", "Tentatives", "Dernière erreur", "En attente d’envoi")
        .contains("Décision publiée", "Réunion convoquée");
    assertThat(admin.get("/operator/webhooks?lang=es").body())
        .contains("Últimos envíos", "Intentos", "Pendiente de envío", "Decisión publicada");

    WebSession officer = new WebSession(port);
    officer.login("officer", "demo");
    assertThat(officer.get("/operator/webhooks").statusCode()).isEqualTo(403);
  }

  @Test
  void privateAndLoopbackTargetsAreRefusedUnlessAllowed() {
    assertThat(TargetCheck.problem("http://127.0.0.1:8080/hook", false))
        .contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://10.1.2.3/hook", false)).contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://192.168.0.10/hook", false))
        .contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://169.254.169.254/latest", false))
        .contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://[::1]/hook", false)).contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://[fd00::1]/hook", false))
        .contains("webhooks.url.private");
    assertThat(TargetCheck.problem("http://93.184.215.14/hook", false)).isEmpty();
    assertThat(TargetCheck.problem("http://127.0.0.1:8080/hook", true)).isEmpty();
    assertThat(TargetCheck.problem("file:///etc/passwd", true)).contains("webhooks.url.invalid");
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** A receiver on the port that records what it gets, and whether the signature holds. */
  private void startReceiver(int receiverPort) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String timestamp = exchange.getRequestHeaders().getFirst("X-Govflow-Timestamp");
          String signature = exchange.getRequestHeaders().getFirst("X-Govflow-Signature");
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-Govflow-Delivery"),
                  exchange.getRequestHeaders().getFirst("X-Govflow-Event"),
                  body,
                  verify(timestamp, body, signature)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  private List<Received> ours(String subject) {
    return received.stream().filter(r -> r.body().contains(subject)).toList();
  }

  private static boolean verify(String timestamp, String body, String signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          "sha256="
              + java.util.HexFormat.of()
                  .formatHex(
                      mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      return signature != null
          && MessageDigest.isEqual(
              expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))
          && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
    } catch (Exception e) {
      return false;
    }
  }

  private List<JsonNode> log(String endpoint) throws Exception {
    HttpResponse<String> answer = get("admin", "/api/v1/webhooks/" + endpoint + "/deliveries");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<JsonNode> rows = new java.util.ArrayList<>();
    JSON.readTree(answer.body()).forEach(rows::add);
    return rows;
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The launch form of a World Council meeting in Barcelona on the day, 10:00 to 12:00. */
  private static Map<String, Object> meeting(LocalDate day) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("body", "world-council");
    values.put("title", "World Council, to be called off");
    values.put("start", day + "T10:00");
    values.put("end", day + "T12:00");
    values.put("timeZone", "Europe/Madrid");
    values.put("location", "Barcelona");
    values.put("languages", List.of("en", "fr", "es"));
    values.put("draftAgenda", "Opening");
    return values;
  }

  private HttpResponse<String> delete(String user, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(request(user, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static NewDecision decision(String subject) {
    return new NewDecision(
        "world-council",
        "statutory-meeting",
        null,
        "WC-2026-01",
        subject,
        "adopted",
        new Votes(30, 2, 1, 5),
        List.of(),
        new Quorum(33, 20, true),
        null,
        null,
        Instant.parse("2026-06-01T09:00:00Z"),
        "officer");
  }
}
