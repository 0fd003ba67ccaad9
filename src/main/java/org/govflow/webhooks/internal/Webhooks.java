package org.govflow.webhooks.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and removing endpoints, for the API and the operator's page alike. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Webhooks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookOutbox outbox;
  private final WebhookSettings settings;

  record Registered(String id, String url, List<String> events, String secret) {}

  /**
   * Registers an endpoint after checking its address, its events and its secret (a new random one
   * when none is given); the secret is shown this once.
   */
  @Transactional
  Registered register(String url, String secret, List<String> events, String by) {
    List<FieldError> errors = new ArrayList<>();
    TargetCheck.problem(url, settings.allowPrivateTargets())
        .ifPresent(code -> errors.add(new FieldError("url", code)));
    List<String> kinds = events == null ? List.of() : events.stream().distinct().toList();
    if (kinds.isEmpty()) {
      errors.add(new FieldError("events", "webhooks.events.none"));
    } else if (kinds.stream().anyMatch(k -> EventKind.of(k).isEmpty())) {
      errors.add(new FieldError("events", "webhooks.events.unknown"));
    }
    String key = secret == null || secret.isBlank() ? newSecret() : secret.strip();
    if (key.length() < 16 || key.length() > 200) {
      errors.add(new FieldError("secret", "webhooks.secret.length"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors, "problem.invalid");
    }
    String id = outbox.register(url.strip(), key, kinds, by);
    return new Registered(id, url.strip(), kinds, key);
  }

  @Transactional
  void remove(String id) {
    if (!outbox.deactivate(id)) {
      throw Refusal.notFound("webhooks.notFound");
    }
  }

  List<WebhookOutbox.Endpoint> endpoints() {
    return outbox.endpoints();
  }

  List<WebhookOutbox.Delivery> log(String endpointId, int limit) {
    if (outbox.endpoint(endpointId).isEmpty()) {
      throw Refusal.notFound("webhooks.notFound");
    }
    return outbox.log(endpointId, limit);
  }

  static List<String> kinds() {
    return java.util.Arrays.stream(EventKind.values()).map(k -> k.id).toList();
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
