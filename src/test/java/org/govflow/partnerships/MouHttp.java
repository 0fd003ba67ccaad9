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
