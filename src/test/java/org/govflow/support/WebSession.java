package org.govflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person talking to a running govflow over real HTTP: keeps cookies like a browser, follows no
 * redirects (tests look at them), and knows how to log in through the login form with its CSRF
 * token.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  /** GET with HTTP Basic credentials, as a script would call the API. */
  public HttpResponse<String> getAs(String user, String password, String path) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return get(path, Map.of("Authorization", "Basic " + token, "Accept", "application/json"));
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return postForm(
        path,
        fields.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue()))
            .collect(Collectors.toList()));
  }

  /** A form with fields that repeat, such as the boxes of a checklist. */
  public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    String body =
        fields.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Any request with the given headers and body (none when null), cookies included. */
  public HttpResponse<String> send(
      String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** The HTTP Basic header value for a user. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** POST without a body, with HTTP Basic credentials, as a script would call the API. */
  public HttpResponse<String> postAs(String user, String password, String path) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + token)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /**
   * A multipart form as a browser sends it: the fields, then the file (none when {@code content} is
   * null).
   */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileName, byte[] content) {
    return postMultipart(path, List.copyOf(fields.entrySet()), "file", fileName, content, Map.of());
  }

  /**
   * A multipart form: the fields (a name may repeat), then the file in the named part (none when
   * {@code content} is null), with extra headers (HTTP Basic for the API, say).
   */
  public HttpResponse<String> postMultipart(
      String path,
      List<Map.Entry<String, String>> fields,
      String fileField,
      String fileName,
      byte[] content,
      Map<String, String> headers) {
    String boundary = "----govflow" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach(
        field ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + field.getKey()
                        + "\"\r\n\r\n"
                        + field.getValue()
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** GET of a file, as bytes. */
  public HttpResponse<byte[]> download(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens the login page, then submits it with its CSRF token; returns the form's answer. */
  public HttpResponse<String> login(String user, String password) {
    String page = get("/login").body();
    return postForm(
        "/login", Map.of("username", user, "password", password, "_csrf", csrfToken(page)));
  }

  public static String csrfToken(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("No CSRF token in the page:\n" + page);
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
