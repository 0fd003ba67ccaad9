package org.govflow.web.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.govflow.web.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of {@code /api/**} ({@code /v3/api-docs}), made for generators: who we are
 * and under which licence, the two ways to authenticate (HTTP Basic, bearer tokens), one tag per
 * module, and on every operation the problem details (RFC 9457, with {@code errors[]}) it may
 * answer with, so that controllers only say what they do ({@code @Operation(summary,
 * operationId)}).
 */
@Configuration
class ApiDocumentation {

  static {
    // resolved from the request's authentication, not sent by the client
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  static final String BASIC = "basicAuth";
  static final String BEARER = "bearerAuth";
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  private static final String PROBLEM_JSON = "application/problem+json";

  private static final Map<String, String> MODULES =
      Map.of(
          "decisions", "The decision register: every decision of every process, append-only.",
          "directory", "The organisation: bodies, their members and roles.",
          "documents", "Versioned documents of processes, each version with its SHA-256.",
          "inbox", "Launching processes, the processes, and the caller's tasks.",
          "meetings", "Statutory meetings: convocation, agenda, attendance, decisions.",
          "notifications", "The caller's notifications and calendar.",
          "recommendations", "Policy Council recommendations and their consultation comments.",
          "web", "The caller: who they are, their bodies and roles.");

  @Bean
  OpenAPI govflowApi(@Value("${govflow.base-url:http://localhost:8080}") String baseUrl) {
    return new OpenAPI()
        .info(
            new Info()
                .title("govflow API")
                .version("v1")
                .description(
                    "Processes, tasks, decisions, documents and meetings of govflow, for scripts"
                        + " and integrations. JSON in and out; refusals are RFC 9457 problem"
                        + " details (application/problem+json) in the caller's language, with the"
                        + " fields to fix in errors[]. Paths are fixed; fields may grow.")
                .contact(new Contact().name("govflow").url("https://github.com/govflow/govflow"))
                .license(
                    new License()
                        .name("Apache 2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .servers(
            List.of(new Server().url(baseUrl).description("This installation (govflow.base-url)")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A directory user's login and password."))
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "A personal access token, or an access token from the OpenID Connect"
                                + " provider people log in with, in Authorization: Bearer."))
                .addSchemas(FIELD_ERROR, fieldError())
                .addSchemas(PROBLEM, problem()))
        .security(
            List.of(
                new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(BEARER)));
  }

  /**
   * Per operation: its module's tag, the problems it may answer with, and no security for the few
   * addresses that carry their own secret ({@code @SecurityRequirements} left empty).
   */
  @Bean
  OperationCustomizer problemsAndTags() {
    return (Operation operation, HandlerMethod handler) -> {
      String module = module(handler.getBeanType());
      operation.setTags(List.of(module));
      boolean open =
          AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SecurityRequirements.class)
              && handler.getMethod().getAnnotation(SecurityRequirements.class).value().length == 0;
      if (open) {
        operation.setSecurity(new ArrayList<>());
      }
      ApiResponses responses = operation.getResponses();
      boolean takesInput =
          operation.getRequestBody() != null
              || (operation.getParameters() != null && !operation.getParameters().isEmpty());
      boolean hasPathVariables =
          operation.getParameters() != null
              && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
      if (takesInput) {
        problem(
            responses, "400", "The request cannot be read, or values are invalid: see errors[].");
      }
      if (!open) {
        problem(responses, "401", "No credentials, or wrong ones.");
        problem(responses, "403", "The caller may not do this.");
      }
      if (hasPathVariables) {
        problem(responses, "404", "Nothing with this identifier, or nothing the caller may see.");
      }
      // 4xx answers a controller declares itself (@ApiResponse(responseCode = "409")) carry the
      // problem too, not the method's return type springdoc gives them
      responses.forEach(
          (status, response) -> {
            if (status.startsWith("4")
                && (response.getContent() == null
                    || !response.getContent().containsKey(PROBLEM_JSON)
                    || response.getContent().size() > 1)) {
              response.content(problemContent());
            }
          });
      return operation;
    };
  }

  /** Tags with descriptions, in name order; operations in a stable order for generators. */
  @Bean
  OpenApiCustomizer moduleTags() {
    return api -> {
      Map<String, Tag> tags = new TreeMap<>();
      operations(api)
          .flatMap(op -> op.operation().getTags().stream())
          .forEach(
              name ->
                  tags.computeIfAbsent(
                      name,
                      n ->
                          new Tag()
                              .name(n)
                              .description(
                                  MODULES.getOrDefault(n, "Operations of the " + n + " module."))));
      List<Tag> sorted = new ArrayList<>(tags.values());
      sorted.sort(Comparator.comparing(Tag::getName));
      api.setTags(sorted);
    };
  }

  /**
   * An example on every problem an operation answers with: its status's title and a detail as the
   * API words it (in English; the caller gets their language), the operation's path as {@code
   * instance}, and for a 400 the {@code errors[]} a client reads the fields to fix from.
   */
  @Bean
  OpenApiCustomizer problemExamples() {
    return api ->
        operations(api)
            .forEach(
                op ->
                    op.operation()
                        .getResponses()
                        .forEach(
                            (status, response) -> {
                              MediaType problem = content(response, PROBLEM_JSON);
                              if (status.startsWith("4")
                                  && problem != null
                                  && problem.getExample() == null) {
                                problem.setExample(problemExample(status, op.path()));
                              }
                            }));
  }

  /**
   * Where the example of each JSON success answer is kept: one file, by {@code operationId} and
   * status, of answers the demo organisation's API gave (trimmed to a couple of items per list).
   * {@code OpenApiDocumentTests} fails when a JSON 2xx answer has none, or when an entry names no
   * such answer or a field its schema does not have.
   */
  static final String RESPONSE_EXAMPLES = "openapi/response-examples.json";

  /** The example of each operation's JSON success answers, from {@link #RESPONSE_EXAMPLES}. */
  @Bean
  OpenApiCustomizer responseExamples() {
    Map<String, Map<String, Object>> examples = readResponseExamples();
    return api ->
        operations(api)
            .map(PathOperation::operation)
            .forEach(
                op ->
                    examples
                        .getOrDefault(op.getOperationId(), Map.of())
                        .forEach(
                            (status, example) -> {
                              MediaType json =
                                  content(
                                      op.getResponses().get(status),
                                      org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                              if (json != null && json.getExample() == null) {
                                json.setExample(example);
                              }
                            }));
  }

  /** An operation of the document, with its path. */
  private record PathOperation(String path, Operation operation) {}

  /** Every operation of the document, path by path; none before paths are there. */
  private static Stream<PathOperation> operations(OpenAPI api) {
    return api.getPaths() == null
        ? Stream.empty()
        : api.getPaths().entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().readOperations().stream()
                        .map(op -> new PathOperation(e.getKey(), op)));
  }

  /** The answer's content of this media type, or null. */
  private static MediaType content(ApiResponse response, String mediaType) {
    return response == null || response.getContent() == null
        ? null
        : response.getContent().get(mediaType);
  }

  static Map<String, Map<String, Object>> readResponseExamples() {
    try (InputStream in = new ClassPathResource(RESPONSE_EXAMPLES).getInputStream()) {
      return new ObjectMapper().readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESPONSE_EXAMPLES, e);
    }
  }

  /** What the API answers with each 4xx status, as an example. */
  static Map<String, Object> problemExample(String status, String path) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    int code = Integer.parseInt(status);
    org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(code);
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", code);
    problem.put(
        "detail",
        switch (code) {
          case 400 -> "Some values are not valid.";
          case 401 ->
              "Log in first: send a personal access token (Authorization: Bearer) or your user"
                  + " name and password (HTTP Basic).";
          case 403 -> "You may not do this.";
          case 404 -> "There is nothing here with this identifier that you may see.";
          case 409 -> "This was done already, or is not possible any more.";
          default -> "The request was refused.";
        });
    problem.put("instance", path.replaceAll("\\{[^}]+}", "1"));
    if (code == 400) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("field", "title");
      field.put("message", "Enter a title.");
      problem.put("errors", List.of(field));
    }
    return problem;
  }

  /** The module of a controller: {@code org.govflow.inbox.internal.X} is in {@code inbox}. */
  static String module(Class<?> type) {
    String name = type.getPackageName();
    String rest = name.startsWith("org.govflow.") ? name.substring("org.govflow.".length()) : name;
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static void problem(ApiResponses responses, String status, String description) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(
        status, new ApiResponse().description(description).content(problemContent()));
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema<?> fieldError() {
    return new ObjectSchema()
        .description("A value to fix, and what is wrong with it, in the caller's language.")
        .addProperty("field", new StringSchema().description("The field's name").example("title"))
        .addProperty(
            "message", new StringSchema().description("What to fix").example("Enter a title."))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problem() {
    return new ObjectSchema()
        .description("RFC 9457 problem details, the detail in the caller's language.")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("Some values are missing or invalid."))
        .addProperty("instance", new StringSchema().example("/api/v1/processes"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("The fields to fix; empty when no field is at fault."))
        .required(List.of("status", "detail"));
  }
}
