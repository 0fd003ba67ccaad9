package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govflow.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo organisation's objects under the names the endpoints' path variables give them, for the
 * tests that call every endpoint (the authorization matrix, the bad-input corpus): which object a
 * {@code {id}} or {@code {businessKey}} names, a real id of each, and a personal access token.
 */
final class DemoPaths {

  static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private DemoPaths() {}

  /** A real id of each kind of demo object both tests name the same way. */
  static Map<String, String> demoObjects(JdbcClient jdbc) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("processKey", "document-approval");
    values.put(
        "meeting",
        one(
                jdbc,
                "select business_key from meeting where body_id = 'world-council'"
                    + " order by business_key")
            .orElse("0"));
    values.put(
        "declaration",
        one(jdbc, "select business_key from declaration order by business_key").orElse("0"));
    values.put(
        "amendment",
        one(jdbc, "select cast(min(id) as varchar) from declaration_amendment").orElse("0"));
    values.put(
        "paragraph",
        one(jdbc, "select paragraph_id from declaration_paragraph order by paragraph_id")
            .orElse("0"));
    values.put(
        "recommendation",
        one(jdbc, "select business_key from recommendation order by business_key").orElse("0"));
    values.put(
        "mou", one(jdbc, "select cast(min(id) as varchar) from partnership_mou").orElse("0"));
    values.put(
        "year", one(jdbc, "select cast(min(plan_year) as varchar) from workplan").orElse("2026"));
    values.put("ref", one(jdbc, "select min(ref) from workplan_action").orElse("0"));
    values.put(
        "notification",
        one(jdbc, "select min(id) from notification where recipient_id = 'thandiwe.nkosi'")
            .orElse("0"));
    return values;
  }

  /** The first non-blank value a query gives. */
  static Optional<String> one(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(String.class).list().stream()
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  /**
   * The pattern with each variable replaced by a real object's id, but {@code variable} by text.
   */
  static String path(String pattern, Map<String, String> values, String variable, String text) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value =
          m.group(1).equals(variable)
              ? text
              : value(key(pattern.substring(0, m.start()), m.group(1)), values);
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    return path.toString();
  }

  private static String value(String key, Map<String, String> values) {
    return switch (key) {
      case "version" -> "1";
      case "calendarToken" -> "not-a-feed";
      default -> values.getOrDefault(key, "0");
    };
  }

  /** Which object a path variable names, from the path before it. */
  static String key(String before, String variable) {
    return switch (variable) {
      case "businessKey" ->
          before.contains("meetings")
              ? "meeting"
              : before.contains("declarations") ? "declaration" : "recommendation";
      case "key" -> "processKey";
      case "paragraphId" -> "paragraph";
      case "ref", "year" -> variable;
      case "n" -> "version";
      case "token" -> "calendarToken";
      case "id" -> idAfter(before);
      default -> variable;
    };
  }

  private static String idAfter(String before) {
    if (before.endsWith("/links/")) {
      return "link";
    }
    if (before.endsWith("/comments/")) {
      return "comment";
    }
    if (before.endsWith("/amendments/")) {
      return "amendment";
    }
    String[] segments = before.split("/");
    String collection = segments[segments.length - 1];
    return switch (collection) {
      case "tasks" -> "task";
      case "processes" -> "process";
      case "documents" -> "document";
      case "decisions" -> "decision";
      case "mous", "partnerships" -> "mou";
      case "notifications" -> "notification";
      case "tokens" -> "memberToken";
      case "webhooks" -> "webhook";
      default -> collection;
    };
  }

  /** Creates a personal access token for a demo person (HTTP Basic): the answer's JSON. */
  static String createToken(int port, String person, String name) {
    HttpResponse<String> created =
        new WebSession(port)
            .send(
                "POST",
                "/api/v1/me/tokens",
                Map.of(
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "application/json",
                    "Authorization",
                    WebSession.basic(person, "demo")),
                "{\"name\":\"" + name + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  /** A new personal access token for a demo person, to send as {@code Authorization: Bearer}. */
  static String token(int port, ObjectMapper json, String person, String name) {
    try {
      return json.readTree(createToken(port, person, name)).path("token").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
