package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document as an integrator's generator reads it: with the API's own credentials, every
 * operation summarised, secured and answering problems, each JSON answer with an example; and equal
 * to the committed snapshot ({@code src/test/resources/openapi.json}) from which the test client is
 * generated and which CI lints with Redocly. After changing the API, refresh the snapshot with
 * {@code -Dopenapi.update}.
 */
@IntegrationTest
class OpenApiDocumentTests {

  static final Path SNAPSHOT = Path.of("src/test/resources/openapi.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aScriptReadsTheDocumentWithHttpBasicAndWithoutCredentialsGetsAProblemNotTheLoginPage()
      throws Exception {
    HttpResponse<String> anonymous = get("/v3/api-docs", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

    HttpResponse<String> wrong =
        get(
            "/v3/api-docs",
            "Basic " + Base64.getEncoder().encodeToString("officer:nope".getBytes()));
    assertThat(wrong.statusCode()).isEqualTo(401);

    HttpResponse<String> document = get("/v3/api-docs", basic("diego.fuentes"));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(document.body()).path("openapi").asText()).startsWith("3.");
  }

  @Test
  void everyOperationHasASummaryAnIdATagItsSecurityAndItsProblems() throws Exception {
    JsonNode api = JSON.readTree(get("/v3/api-docs", basic("officer")).body());

    assertThat(api.at("/info/license/name").asText()).isNotBlank();
    assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
    assertThat(api.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
    assertThat(api.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
        .isEqualTo("#/components/schemas/FieldError");

    List<String> faults = new ArrayList<>();
    int operations = 0;
    for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) api.path("paths")::fields) {
      for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = op.getValue();
        if (operation.path("summary").asText().isBlank()) {
          faults.add(name + ": no summary");
        }
        if (operation.path("operationId").asText().isBlank()
            || operation.path("operationId").asText().contains("_")) {
          faults.add(name + ": no operationId of its own: " + operation.path("operationId"));
        }
        if (operation.path("tags").size() != 1) {
          faults.add(name + ": not one tag");
        }
        boolean open = operation.has("security") && operation.path("security").isEmpty();
        if (!open && !operation.at("/responses/401/content/application~1problem+json").isObject()) {
          faults.add(name + ": no 401 problem");
        }
        if (path.getKey().contains("{") && !operation.at("/responses/404").isObject()) {
          faults.add(name + ": no 404");
        }
        // a JSON body with an example of what to send
        JsonNode body = operation.at("/requestBody/content/application~1json");
        if (!body.isMissingNode()
            && !body.has("example")
            && !exemplified(api, body.path("schema"), new java.util.HashSet<>())) {
          faults.add(name + ": no example of its request body");
        }
        // each JSON success answer with an example of what the API answers, in the fields of its
        // schema (src/main/resources/openapi/response-examples.json, by operationId and status)
        for (var response :
            (Iterable<java.util.Map.Entry<String, JsonNode>>) operation.path("responses")::fields) {
          if (!response.getKey().startsWith("2")) {
            continue;
          }
          for (var content :
              (Iterable<java.util.Map.Entry<String, JsonNode>>)
                  response.getValue().path("content")::fields) {
            if (!content.getKey().contains("json")) {
              continue;
            }
            JsonNode example = content.getValue().path("example");
            if (example.isMissingNode() || example.isNull()) {
              faults.add(name + ": no example of its " + response.getKey() + " answer");
            } else {
              fieldsOfItsSchema(
                  api,
                  content.getValue().path("schema"),
                  example,
                  name + " " + response.getKey() + " example",
                  faults);
            }
          }
        }
        // each problem with an example of what the API answers
        for (var response :
            (Iterable<java.util.Map.Entry<String, JsonNode>>) operation.path("responses")::fields) {
          if (!response.getKey().startsWith("4")) {
            continue;
          }
          JsonNode example = response.getValue().at("/content/application~1problem+json/example");
          if (example.path("status").asInt() != Integer.parseInt(response.getKey())
              || example.path("detail").asText().isBlank()) {
            faults.add(name + ": no example of its " + response.getKey() + " problem");
          } else if (response.getKey().equals("400")
              && example.at("/errors/0/field").asText().isBlank()) {
            faults.add(name + ": its 400 example names no field in errors[]");
          }
        }
      }
    }
    assertThat(operations).isGreaterThan(30);
    assertThat(faults).isEmpty();
    assertThat(api.path("security").toString()).contains("basicAuth", "bearerAuth");
  }

  /**
   * Whether an example says only what its schema describes: no field the schema lacks (a renamed
   * record component leaves its old name in the examples file), objects, arrays and maps looked
   * into. Redocly checks the types; it lets unknown fields pass.
   */
  private static void fieldsOfItsSchema(
      JsonNode api, JsonNode schema, JsonNode example, String where, List<String> faults) {
    String ref = schema.path("$ref").asText();
    if (!ref.isEmpty()) {
      fieldsOfItsSchema(api, api.at(ref.substring(1)), example, where, faults);
    } else if (example.isArray() && schema.has("items")) {
      for (JsonNode item : example) {
        fieldsOfItsSchema(api, schema.path("items"), item, where + "[]", faults);
      }
    } else if (example.isObject() && schema.has("properties")) {
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) example::fields) {
        JsonNode property = schema.path("properties").path(field.getKey());
        if (property.isMissingNode()) {
          faults.add(where + ": " + field.getKey() + " is no field of its schema");
        } else {
          fieldsOfItsSchema(api, property, field.getValue(), where + "." + field.getKey(), faults);
        }
      }
    } else if (example.isObject() && schema.path("additionalProperties").isObject()) {
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) example::fields) {
        fieldsOfItsSchema(
            api,
            schema.path("additionalProperties"),
            field.getValue(),
            where + "." + field.getKey(),
            faults);
      }
    }
  }

  /**
   * Every entry of the examples file lands on a JSON success answer: one whose operation was
   * renamed, or whose status changed, would otherwise be left behind unseen.
   */
  @Test
  void everyResponseExampleIsOfAnOperationsJsonSuccessAnswer() throws Exception {
    JsonNode api = JSON.readTree(get("/v3/api-docs", basic("officer")).body());
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    api.path("paths")
        .forEach(item -> item.forEach(op -> byId.put(op.path("operationId").asText(), op)));
    JsonNode examples;
    try (var in = getClass().getResourceAsStream("/openapi/response-examples.json")) {
      examples = JSON.readTree(in);
    }
    List<String> stale = new ArrayList<>();
    for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) examples::fields) {
      for (var status :
          (Iterable<java.util.Map.Entry<String, JsonNode>>) entry.getValue()::fields) {
        JsonNode shown =
            byId.getOrDefault(entry.getKey(), JSON.missingNode())
                .at("/responses/" + status.getKey() + "/content/application~1json/example");
        if (!status.getKey().startsWith("2") || !shown.equals(status.getValue())) {
          stale.add(entry.getKey() + " " + status.getKey());
        }
      }
    }
    assertThat(examples.size()).isGreaterThan(40);
    assertThat(stale).as("examples of no operation's JSON success answer").isEmpty();
  }

  /**
   * Whether a schema shows what to send: an example of its own, or one on each of its properties
   * (objects and arrays of them looked into).
   */
  private static boolean exemplified(JsonNode api, JsonNode schema, java.util.Set<String> seen) {
    if (schema.has("example") || schema.has("examples")) {
      return true;
    }
    String ref = schema.path("$ref").asText();
    if (!ref.isEmpty()) {
      return seen.add(ref) && exemplified(api, api.at(ref.substring(1)), seen);
    }
    if (schema.has("items")) {
      return exemplified(api, schema.path("items"), seen);
    }
    JsonNode properties = schema.path("properties");
    if (properties.isEmpty()) {
      return false;
    }
    for (JsonNode property : properties) {
      if (!exemplified(api, property, new java.util.HashSet<>(seen))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every type the API takes or answers is a schema of its own: springdoc names a schema by the
   * class's simple name, so two records of one name (a recommendation's and a declaration's {@code
   * DispositionGiven}) would be described as one, and a generated client would send the other's
   * fields.
   */
  @Test
  void noTwoTypesOfTheApiShareASchemaName() {
    java.util.Map<String, Class<?>> byName = new java.util.TreeMap<>();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    java.util.Deque<java.lang.reflect.Type> todo = new java.util.ArrayDeque<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                return;
              }
              todo.add(handler.getReturnType().getGenericParameterType());
              for (var parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(
                    org.springframework.web.bind.annotation.RequestBody.class)) {
                  todo.add(parameter.getGenericParameterType());
                }
              }
            });
    List<String> clashes = new ArrayList<>();
    while (!todo.isEmpty()) {
      java.lang.reflect.Type type = todo.pop();
      if (type instanceof java.lang.reflect.ParameterizedType generic) {
        todo.addAll(List.of(generic.getActualTypeArguments()));
        todo.add(generic.getRawType());
      } else if (type instanceof Class<?> c && c.isArray()) {
        todo.add(c.getComponentType());
      } else if (type instanceof Class<?> c
          && c.getName().startsWith("org.govflow.")
          && seen.add(c)) {
        io.swagger.v3.oas.annotations.media.Schema named =
            c.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = named != null && !named.name().isBlank() ? named.name() : c.getSimpleName();
        Class<?> other = byName.putIfAbsent(name, c);
        if (other != null && other != c) {
          clashes.add(name + ": " + other.getName() + " and " + c.getName());
        }
        if (c.isRecord()) {
          for (var component : c.getRecordComponents()) {
            todo.add(component.getGenericType());
          }
        }
      }
    }
    assertThat(byName).isNotEmpty();
    assertThat(clashes).as("give one of each pair @Schema(name = ...)").isEmpty();
  }

  @Test
  void theCommittedSnapshotIsTheLiveDocument() throws Exception {
    JsonNode live = JSON.readTree(get("/v3/api-docs", basic("officer")).body());
    String pretty = JSON.writeValueAsString(live) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/openapi.json"), pretty);
    if (System.getProperty("openapi.update") != null) {
      Files.writeString(SNAPSHOT, pretty);
    }
    assertThat(Files.exists(SNAPSHOT))
        .as("no snapshot: run this test with -Dopenapi.update to write " + SNAPSHOT)
        .isTrue();
    assertThat(JSON.readTree(Files.readString(SNAPSHOT)))
        .as(
            "the API changed: compare target/openapi.json with %s, and if the change is meant,"
                + " refresh it with -Dopenapi.update",
            SNAPSHOT)
        .isEqualTo(live);
  }
}
