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
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.Votes;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end on PostgreSQL: the operator registers a receiver over the API; a decision
 * recorded and published reaches it once each, signed, after the receiver was down for a while; two
 * nodes sending at once post nothing twice; a change rolled back sends nothing.
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

  static final String SECRET = "a-secret-of-the-receiver-1234";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DecisionRegister register;
  @Autowired WebhookSender sender;
  @Autowired TransactionTemplate transactions;
  @Autowired RuntimeService runtime;

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
    int receiverPort;
    try (ServerSocket free = new ServerSocket(0)) {
      receiverPort = free.getLocalPort();
    }
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
  void theOperatorRegistersOnThePageSeesTheSecretOnceAndTheDeliveryLog() {
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
