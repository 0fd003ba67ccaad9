package org.govflow.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A script calling govflow's API over real HTTP with HTTP Basic, as API.md describes. */
final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient client = HttpClient.newHttpClient();

  Api(int port) {
    this.base = "http://localhost:" + port;
  }

  record Answer(int status, String contentType, JsonNode json, String body) {}

  Answer get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  Answer post(String user, String path, Object body) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(
          request(user, path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Launches a process with its start form values and a document, as multipart/form-data: the
   * document approval's way in (JSON carries no file).
   */
  Answer launch(String user, String processKey, Object values, String fileName, String text) {
    try {
      String boundary = "govflow-" + System.nanoTime();
      StringBuilder body = new StringBuilder();
      part(body, boundary, "processKey", null, processKey);
      part(body, boundary, "values", null, JSON.writeValueAsString(values));
      if (fileName != null) {
        part(body, boundary, "file", fileName, text);
      }
      body.append("--").append(boundary).append("--\r\n");
      return send(
          request(user, "/api/v1/processes/with-document")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
              .build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void part(
      StringBuilder body, String boundary, String name, String fileName, String value) {
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\n");
      body.append("Content-Type: text/markdown");
    }
    body.append("\r\n\r\n").append(value).append("\r\n");
  }

  private HttpRequest.Builder request(String user, String path) {
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + token)
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          json,
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
