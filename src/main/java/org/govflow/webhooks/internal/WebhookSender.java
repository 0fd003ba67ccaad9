package org.govflow.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts due deliveries: JSON, signed with the endpoint's secret (HMAC-SHA256 of the timestamp, a
 * dot and the body), with the delivery id; a 2xx answer delivers it, anything else retries it
 * later, each wait twice the last, until the attempts run out. Each batch is claimed and its
 * outcomes recorded in one transaction, so that two nodes never post the same delivery.
 */
@Component
class WebhookSender {

  static final String SIGNATURE = "X-Govflow-Signature";
  static final String TIMESTAMP = "X-Govflow-Timestamp";
  static final String DELIVERY = "X-Govflow-Delivery";
  static final String EVENT = "X-Govflow-Event";
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final WebhookOutbox outbox;
  private final WebhookSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(
      WebhookOutbox outbox,
      WebhookSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.outbox = outbox;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(
      fixedDelayString = "${govflow.webhooks.poll-interval:2s}",
      initialDelayString = "${govflow.webhooks.poll-interval:2s}")
  void sendDue() {
    try {
      Integer sent;
      do {
        sent = transactions.execute(tx -> sendBatch());
      } while (sent != null && sent >= settings.batchSize());
    } catch (RuntimeException e) {
      log.warn("Webhook deliveries could not be sent now", e);
    }
  }

  /** One batch, in the caller's transaction; how many were claimed. */
  int sendBatch() {
    List<WebhookOutbox.Delivery> due = outbox.claim(settings.batchSize(), clock.instant());
    if (due.isEmpty()) {
      return 0;
    }
    Map<String, WebhookOutbox.Endpoint> endpoints =
        outbox.endpoints().stream()
            .collect(Collectors.toMap(WebhookOutbox.Endpoint::id, Function.identity()));
    for (WebhookOutbox.Delivery d : due) {
      send(d, endpoints.get(d.endpointId()));
    }
    return due.size();
  }

  private void send(WebhookOutbox.Delivery d, WebhookOutbox.Endpoint endpoint) {
    if (endpoint == null || !endpoint.active()) {
      outbox.failed(d.id(), null, "The endpoint was removed", clock.instant(), true);
      return;
    }
    var refused = TargetCheck.problem(endpoint.url(), settings.allowPrivateTargets());
    if (refused.isPresent()) {
      retry(d, null, "Refused target: " + refused.get());
      return;
    }
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.url()))
                  .timeout(settings.timeout())
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "govflow-webhooks")
                  .header(DELIVERY, d.id())
                  .header(EVENT, d.kind())
                  .header(TIMESTAMP, timestamp)
                  .header(SIGNATURE, "sha256=" + sign(endpoint.secret(), timestamp, d.payload()))
                  .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        outbox.delivered(d.id(), response.statusCode(), clock.instant());
      } else {
        retry(d, response.statusCode(), "HTTP " + response.statusCode());
      }
    } catch (IOException | RuntimeException e) {
      retry(d, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retry(d, null, "interrupted");
    }
  }

  private void retry(WebhookOutbox.Delivery d, Integer status, String error) {
    int attempts = d.attempts() + 1;
    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (wait.compareTo(settings.maxRetry()) > 0) {
      wait = settings.maxRetry();
    }
    Instant next = clock.instant().plus(wait);
    outbox.failed(d.id(), status, error, next, attempts >= settings.maxAttempts());
  }

  /** Hex HMAC-SHA256 of {@code timestamp + "." + body} with the endpoint's secret. */
  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
