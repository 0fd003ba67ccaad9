package org.govflow.partnerships;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The MoU API over real HTTP with HTTP Basic (every demo password is "demo"). */
final class MouHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  MouHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  record Answer(int status, JsonNode json, String body) {}

  Answer get(String user, String path) {
    return send(request(user, path, null).GET().build());
  }

  Answer get(String user, String path, String language) {
    return send(request(user, path, language).GET().build());
  }

  Answer post(String user, String path, Object body) {
    return send(request(user, path, null).POST(json(body)).build());
  }

  Answer post(String user, String path, Object body, String language) {
    return send(request(user, path, language).POST(json(body)).build());
  }

  /**
   * Registers an express MoU as the secretariat, signed two years ago less two months and expiring
   * in two months, a month's notice; its id.
   */
  long register(String partner, String title, String focalPoint, String contactLanguage) {
    java.time.LocalDate today = java.time.LocalDate.now();
    Answer created =
        post(
            "officer",
            "/api/v1/mous",
            java.util.Map.ofEntries(
                java.util.Map.entry("partnerId", partner),
                java.util.Map.entry("partnerKind", "un-system"),
                java.util.Map.entry("title", "MoU " + title),
                java.util.Map.entry("signedOn", today.minusYears(2).plusMonths(2).toString()),
                java.util.Map.entry("startsOn", today.minusYears(2).plusMonths(2).toString()),
                java.util.Map.entry("endsOn", today.plusMonths(2).toString()),
                java.util.Map.entry("renewalKind", "express"),
                java.util.Map.entry("noticePeriod", "P1M"),
                java.util.Map.entry("focalPoint", focalPoint),
                java.util.Map.entry("contactName", "Contact " + partner),
                java.util.Map.entry(
                    "contactEmail", "contact." + partner.substring(8) + "@partner.example"),
                java.util.Map.entry("contactLanguage", contactLanguage)));
    if (created.status() != 201) {
      throw new IllegalStateException("MoU not registered: " + created.body());
    }
    return created.json().path("summary").path("id").asLong();
  }

  /** Starts an MoU's renewal as the secretariat; its process instance's id. */
  String startRenewal(long mouId) {
    Answer started = post("officer", "/api/v1/mous/" + mouId + "/renewal", "{}");
    if (started.status() != 201) {
      throw new IllegalStateException("Renewal not started: " + started.body());
    }
    return started.json().path("processInstanceId").asText();
  }

  /** The open task of a step of a process, once it is there. */
  static org.camunda.bpm.engine.task.Task task(
      org.camunda.bpm.engine.TaskService tasks, String pid, String step) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(step).count()
                    == 1);
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(step).singleResult();
  }

  Answer put(String user, String path, Object body) {
    return send(request(user, path, null).PUT(json(body)).build());
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(
          body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path, String language) {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    return language == null ? b : b.header("Accept-Language", language);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
      } catch (IOException notJson) {
        json = JSON.missingNode();
      }
      return new Answer(r.statusCode(), json, r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
