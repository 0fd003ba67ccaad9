package org.govflow.webhooks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints over the API, for operators: register, list, remove, the delivery log. */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookApi {

  private final Webhooks webhooks;

  record NewEndpoint(
      @Schema(example = "https://intranet.example.org/govflow-events") String url,
      @Schema(
              description = "At least 16 characters; a random one is made when left out",
              example = "9f2c41d7e08b4a6c-receiver-secret")
          String secret,
      @Schema(example = "[\"decision.published\", \"meeting.convened\"]") List<String> events) {}

  record EndpointView(String id, String url, List<String> events, boolean active, Instant created) {

    static EndpointView of(WebhookOutbox.Endpoint e) {
      return new EndpointView(e.id(), e.url(), e.kinds(), e.active(), e.createdAt());
    }
  }

  record DeliveryView(
      String id,
      String event,
      String eventId,
      String status,
      int attempts,
      Instant created,
      Instant nextAttempt,
      Integer lastStatus,
      String lastError,
      Instant delivered) {

    static DeliveryView of(WebhookOutbox.Delivery d) {
      return new DeliveryView(
          d.id(),
          d.kind(),
          d.eventKey(),
          d.status(),
          d.attempts(),
          d.createdAt(),
          d.nextAttemptAt(),
          d.lastStatus(),
          d.lastError(),
          d.deliveredAt());
    }
  }

  @Operation(summary = "The registered webhook endpoints (operators)", operationId = "listWebhooks")
  @GetMapping
  List<EndpointView> list() {
    return webhooks.endpoints().stream().map(EndpointView::of).toList();
  }

  @Operation(
      summary = "Register a webhook endpoint; its secret is answered this once (operators)",
      operationId = "registerWebhook")
  @ApiResponse(responseCode = "201", description = "Registered")
  @PostMapping
  ResponseEntity<Webhooks.Registered> register(@RequestBody NewEndpoint body, Caller caller) {
    Webhooks.Registered registered =
        webhooks.register(body.url(), body.secret(), body.events(), caller.personId());
    return ResponseEntity.created(URI.create("/api/v1/webhooks/" + registered.id()))
        .body(registered);
  }

  @Operation(summary = "Remove a webhook endpoint (operators)", operationId = "removeWebhook")
  @ApiResponse(responseCode = "204", description = "Removed; nothing more is sent to it")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(@PathVariable String id) {
    webhooks.remove(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "An endpoint's deliveries, newest first (operators)",
      operationId = "listWebhookDeliveries")
  @GetMapping("/{id}/deliveries")
  List<DeliveryView> deliveries(
      @PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
    return webhooks.log(id, Math.max(1, Math.min(limit, 1000))).stream()
        .map(DeliveryView::of)
        .toList();
  }
}
