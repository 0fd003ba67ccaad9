package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.documents.Documents;
import org.govflow.support.EventPublications;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.support.WebSession;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus (issue 16): every write of govflow (each POST, PUT, PATCH and DELETE of the
 * API and of the pages, as Spring MVC maps them, so a new one is probed without being listed) gets
 * the malformed inputs a probe sends, from a caller the authorization matrix lets in: its body
 * empty, unreadable or of the wrong media type; each field missing, null, of the wrong type, a
 * megabyte long, holding NUL, BEL or U+202E, an SQL or script injection, a past or malformed date;
 * an unknown field; forged and foreign ids in its path; uploads of the wrong type, over the size
 * limit, with bad names.
 *
 * <p>No answer may be a 5xx. An input that must be refused is answered 4xx with a message that says
 * what to fix (problem details with a detail that is more than the status's name on the API, a page
 * with the refusal on the pages), and changes nothing: the rows of govflow's tables and of the
 * engine's runtime tables, and the number of rows of its history, are the same before and after. An
 * input that may be right (an unknown field, an injection string that is only text, a past date)
 * may also be taken, but never with a 5xx.
 *
 * <p>The base inputs, well-formed, are in {@code
 * src/test/resources/security/bad-input-corpus.json}; an endpoint without one is probed with values
 * made from its parameters' types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// what it takes (an injection string as a comment, a meeting called off) is on a database of its
// own
@ContextConfiguration(initializers = PostgresTestDatabase.Corpus.class)
class BadInputCorpusTests {

  static final Path CORPUS = Path.of("src/test/resources/security/bad-input-corpus.json");
  static final Path MATRIX = AuthorizationMatrixTests.TABLE;

  /** Who may use a write, in order of preference, as the matrix says ("in"). */
  static final List<String> PREFERRED =
      List.of("member", "secretariat", "leadership", "operator", "unrelated");

  static final String MEGABYTE = "x".repeat(1024 * 1024);
  static final String FUTURE = LocalDate.now().plusDays(30).toString();
  static final int OVER_UPLOAD_LIMIT = 26 * 1024 * 1024 + 1;

  /** How a page shows a refusal: an alert, an error beside a field, a field marked invalid. */
  private static final Pattern PAGE_MESSAGE =
      Pattern.compile(
          "role=\"alert\"|class=\"[^\"]*\\b(error|field-error|wp-error|error-summary)\\b[^\"]*\""
              + "|aria-invalid=\"true\"");

  private static final Pattern DATE_NAME =
      Pattern.compile(".*(date|Date|On|start|Start|end|End|By|until|Until)$");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired Processes processes;
  @Autowired Documents documents;
  @Autowired TaskService tasks;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final ObjectMapper json = new ObjectMapper();

  /** How an endpoint reads its input. */
  enum Kind {
    JSON,
    FORM,
    MULTIPART,
    NONE
  }

  /** A field of an input and its type: string, number, boolean, date, array or object. */
  record Field(String name, String type) {}

  record Endpoint(
      String method,
      String pattern,
      Kind kind,
      boolean api,
      List<Field> fields,
      String fileField,
      HandlerMethod handler) {
    String key() {
      return method + " " + pattern;
    }
  }

  /** One request of the corpus: what it is, and whether it must be refused. */
  record Case(String name, boolean mustRefuse, boolean forged, Request request) {
    Case(String name, boolean mustRefuse, Request request) {
      this(name, mustRefuse, false, request);
    }
  }

  record Request(
      String path, String contentType, String body, Map<String, List<String>> form, Upload file) {}

  record Upload(String name, byte[] content) {}

  // ---------------------------------------------------------------------------------------------

  /** Every write of govflow, with how it reads its input. */
  private List<Endpoint> writes() {
    List<Endpoint> all = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = e.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("org.govflow")) {
        continue;
      }
      for (var method : e.getKey().getMethodsCondition().getMethods()) {
        if (method.name().equals("GET") || method.name().equals("HEAD")) {
          continue;
        }
        for (String pattern : e.getKey().getPatternValues()) {
          all.add(endpoint(method.name(), pattern, handler));
        }
      }
    }
    all.sort(java.util.Comparator.comparing(Endpoint::key));
    return all;
  }

  private static Endpoint endpoint(String method, String pattern, HandlerMethod handler) {
    boolean api = pattern.startsWith("/api/");
    Kind kind = api ? Kind.NONE : Kind.FORM;
    List<Field> fields = new ArrayList<>();
    String fileField = null;
    for (var p : handler.getMethodParameters()) {
      Parameter parameter = p.getParameter();
      Class<?> type = p.getParameterType();
      if (p.hasParameterAnnotation(RequestBody.class)) {
        kind = Kind.JSON;
        fields.addAll(recordFields(type));
      } else if (MultipartFile.class.isAssignableFrom(type)) {
        kind = Kind.MULTIPART;
        RequestParam named = p.getParameterAnnotation(RequestParam.class);
        fileField = named != null && !named.value().isEmpty() ? named.value() : parameter.getName();
      } else if (p.hasParameterAnnotation(RequestParam.class)
          && !Map.class.isAssignableFrom(type)) {
        RequestParam named = p.getParameterAnnotation(RequestParam.class);
        String name = !named.value().isEmpty() ? named.value() : parameter.getName();
        fields.add(new Field(name, typeOf(type)));
        if (kind == Kind.NONE) {
          kind = Kind.FORM;
        }
      } else if (p.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
        fields.addAll(recordFields(type));
      }
    }
    return new Endpoint(method, pattern, kind, api, fields, fileField, handler);
  }

  private static List<Field> recordFields(Class<?> type) {
    if (!type.isRecord()) {
      return List.of();
    }
    List<Field> fields = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      fields.add(new Field(c.getName(), typeOf(c.getType())));
    }
    return fields;
  }

  private static String typeOf(Class<?> type) {
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "date";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "object";
    }
    if (type.isEnum()) {
      return "enum";
    }
    return type == String.class ? "string" : "object";
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void everyWriteRefusesTheCorpusWithoutA5xxOrAChange() throws Exception {
    Map<String, List<String>> matrix = readMatrix();
    JsonNode corpus = json.readTree(Files.readString(CORPUS));
    List<Endpoint> writes = writes();
    Fixture fixture = new Fixture();
    State state = new State();

    List<String> failures = new ArrayList<>();
    Map<String, Integer> sent = new TreeMap<>();
    List<String> taken = new ArrayList<>();
    List<String> noOps = new ArrayList<>();
    List<String> knownOpen = new ArrayList<>();
    long requestNanos = 0;
    long began = System.nanoTime();
    for (Endpoint endpoint : writes) {
      JsonNode entry = corpus.path(endpoint.key());
      String role = role(endpoint, entry, matrix);
      if (fixture.freshObjects(endpoint.pattern())) {
        state.changed();
      }
      List<String> mayTake = new ArrayList<>();
      entry.path("mayTake").forEach(n -> mayTake.add(n.asText()));
      Map<String, String> known = new LinkedHashMap<>();
      entry
          .path("known")
          .fields()
          .forEachRemaining(k -> known.put(k.getKey(), k.getValue().asText()));
      for (Case corpusCase : cases(endpoint, entry, fixture, role)) {
        Case c =
            mayTake.stream().anyMatch(f -> corpusCase.name().startsWith(f + ": "))
                ? new Case(corpusCase.name(), false, corpusCase.forged(), corpusCase.request())
                : corpusCase;
        String before = state.settled();
        long started = System.nanoTime();
        HttpResponse<String> answer = fixture.send(role, endpoint, c.request());
        requestNanos += System.nanoTime() - started;
        String label = endpoint.key() + " [" + c.name() + "] as " + role;
        // a wrong answer the corpus file names as known and open is reported, not failed (never
        // a 5xx)
        java.util.function.Consumer<String> fail =
            wrong -> {
              if (known.containsKey(c.name())) {
                knownOpen.add(wrong + " -- " + known.get(c.name()));
              } else {
                failures.add(wrong);
              }
            };
        sent.merge(endpoint.key(), 1, Integer::sum);
        int status = answer.statusCode();
        if (status >= 500) {
          failures.add(label + ": " + status + " " + shorten(answer.body()));
          state.changed();
          continue;
        }
        String after = state.now();
        boolean changed = !after.equals(before);
        if (changed) {
          state.changed();
        }
        if (status >= 400) {
          if (changed) {
            fail.accept(label + ": refused with " + status + " but changed " + diff(before, after));
          }
          unclear(endpoint, c, answer)
              .ifPresent(why -> fail.accept(label + ": " + status + " " + why));
        } else if (changed) {
          if (c.mustRefuse()) {
            fail.accept(label + ": taken (" + status + "), changed " + diff(before, after));
          } else {
            taken.add(label + ": " + status);
          }
        } else if (!endpoint.api() && status == 200 && c.mustRefuse()) {
          // a page form shown again with what to fix beside its fields
          unclear(endpoint, c, answer).ifPresent(why -> fail.accept(label + ": 200 " + why));
        } else if (c.mustRefuse() && !c.forged()) {
          fail.accept(label + ": answered " + status + " as if done, and did nothing");
        } else {
          // an unknown id where the request asks for a state that is so (read, revoked), or a
          // value that may be right and changed nothing
          noOps.add(label + ": " + status);
        }
      }
    }
    System.out.println(
        "Bad-input corpus: "
            + sent.size()
            + " writes, "
            + sent.values().stream().mapToInt(Integer::intValue).sum()
            + " requests in "
            + (System.nanoTime() - began) / 1_000_000
            + " ms ("
            + requestNanos / 1_000_000
            + " ms answering, "
            + state.nanos / 1_000_000
            + " ms reading the state); taken (allowed): "
            + taken.size()
            + ", answered 2xx/3xx without a change: "
            + noOps.size());
    taken.forEach(t -> System.out.println("  taken: " + t));
    noOps.forEach(t -> System.out.println("  no change: " + t));
    knownOpen.forEach(t -> System.out.println("  KNOWN, open: " + t));

    assertThat(sent.keySet())
        .as("every write of the API and the pages got the corpus")
        .containsExactlyInAnyOrderElementsOf(writes.stream().map(Endpoint::key).toList());
    assertThat(writes).as("the writes found").hasSizeGreaterThan(50);
    assertThat(
            jdbc.sql(
                    "select file_name from document_version where file_name ~ '[\\u0000-\\u001f"
                        + "\\u202a-\\u202e\\u2066-\\u2069/\\\\]'")
                .query(String.class)
                .list())
        .as("no stored file name holds a control character, a bidi control or a path")
        .isEmpty();
    assertThat(failures).as("answers to the corpus that are wrong").isEmpty();
  }

  @Test
  void tenConcurrentCompletionsOfOneTaskMakeOneSuccessAndNine409s() throws Exception {
    Fixture fixture = new Fixture();
    fixture.freshObjects("/tasks/{id}");
    String task = fixture.values.get("task");
    Endpoint complete =
        writes().stream()
            .filter(e -> e.key().equals("POST /api/v1/tasks/{id}/complete"))
            .findFirst()
            .orElseThrow();
    Request request =
        new Request(
            "/api/v1/tasks/" + task + "/complete",
            "application/json",
            "{\"values\":{\"decision\":\"approve\"}}",
            null,
            null);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch ready = new CountDownLatch(10);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        Callable<HttpResponse<String>> call =
            () -> {
              ready.countDown();
              ready.await();
              return fixture.send("member", complete, request);
            };
        answers.add(pool.submit(call));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        statuses.add(response.statusCode());
        if (response.statusCode() == 409) {
          assertThat(unclear(complete, new Case("concurrent", true, request), response)).isEmpty();
        }
      }
      assertThat(statuses.stream().filter(s -> s < 300).count()).as(statuses.toString()).isOne();
      assertThat(statuses.stream().filter(s -> s == 409).count())
          .as(statuses.toString())
          .isEqualTo(9);
    } finally {
      pool.shutdownNow();
    }
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from act_hi_taskinst where id_ = :id and end_time_ is not null")
                .param("id", task)
                .query(Long.class)
                .single())
        .isOne();
  }

  // ---------------------------------------------------------------------------------------------

  /** The requests of the corpus for one write, those that must be refused first. */
  private List<Case> cases(Endpoint endpoint, JsonNode entry, Fixture fixture, String role)
      throws IOException {
    List<Case> cases = new ArrayList<>();
    List<Case> mayBeTaken = new ArrayList<>();
    String path = fixture.path(endpoint.pattern());
    ObjectNode body = jsonBase(endpoint, entry, fixture);
    Map<String, List<String>> form = formBase(endpoint, entry, fixture);
    Upload file = new Upload("corpus.txt", "Corpus probe".getBytes(StandardCharsets.UTF_8));

    // forged and foreign ids, one path variable at a time
    Matcher variables = DemoPaths.VARIABLE.matcher(endpoint.pattern());
    while (variables.find()) {
      for (Map.Entry<String, String> forged :
          fixture.forgeries(endpoint.pattern(), variables, role)) {
        String forgedPath =
            fixture.pathWith(endpoint.pattern(), variables.group(1), forged.getValue());
        cases.add(
            new Case(
                forged.getKey() + " " + variables.group(1),
                true,
                true,
                request(endpoint, forgedPath, body, form, file)));
      }
    }

    switch (endpoint.kind()) {
      case JSON -> {
        cases.add(
            new Case("empty body", true, new Request(path, "application/json", "", null, null)));
        cases.add(
            new Case(
                "unparseable JSON",
                true,
                new Request(path, "application/json", "{\"a\": \n  DAILY", null, null)));
        cases.add(
            new Case(
                "array for the body",
                true,
                new Request(path, "application/json", "[]", null, null)));
        cases.add(
            new Case(
                "number for the body",
                true,
                new Request(path, "application/json", "42", null, null)));
        cases.add(
            new Case(
                "wrong content type",
                true,
                new Request(path, "text/plain", body.toString(), null, null)));
        mayBeTaken.add(
            new Case(
                "all fields missing",
                false,
                new Request(path, "application/json", "{}", null, null)));
        for (Map.Entry<String, String> field : jsonFields(endpoint, body)) {
          String name = field.getKey();
          String type = field.getValue();
          for (Map.Entry<String, Object> spoilt : spoilt(name, type, true).entrySet()) {
            boolean must = !spoilt.getKey().startsWith("may:");
            ObjectNode changed = body.deepCopy();
            put(changed, name, spoilt.getValue());
            (must ? cases : mayBeTaken)
                .add(
                    new Case(
                        name + ": " + spoilt.getKey().replace("may:", ""),
                        must,
                        new Request(path, "application/json", changed.toString(), null, null)));
          }
          ObjectNode without = body.deepCopy();
          remove(without, name);
          mayBeTaken.add(
              new Case(
                  name + ": missing",
                  false,
                  new Request(path, "application/json", without.toString(), null, null)));
        }
        ObjectNode extra = body.deepCopy();
        extra.put("corpusUnknownField", "x");
        mayBeTaken.add(
            new Case(
                "unknown field",
                false,
                new Request(path, "application/json", extra.toString(), null, null)));
      }
      case FORM, MULTIPART -> {
        Map<String, String> types = new LinkedHashMap<>();
        form.keySet().forEach(k -> types.put(k, "string"));
        endpoint.fields().forEach(f -> types.put(f.name(), f.type()));
        for (Map.Entry<String, String> field : types.entrySet()) {
          for (Map.Entry<String, Object> spoilt :
              spoilt(field.getKey(), field.getValue(), false).entrySet()) {
            boolean must = !spoilt.getKey().startsWith("may:");
            Map<String, List<String>> changed = new LinkedHashMap<>(form);
            changed.put(field.getKey(), List.of(String.valueOf(spoilt.getValue())));
            (must ? cases : mayBeTaken)
                .add(
                    new Case(
                        field.getKey() + ": " + spoilt.getKey().replace("may:", ""),
                        must,
                        request(endpoint, path, body, changed, file)));
          }
          Map<String, List<String>> without = new LinkedHashMap<>(form);
          without.remove(field.getKey());
          mayBeTaken.add(
              new Case(
                  field.getKey() + ": missing",
                  false,
                  request(endpoint, path, body, without, file)));
        }
        Map<String, List<String>> extra = new LinkedHashMap<>(form);
        extra.put("corpusUnknownField", List.of("x"));
        mayBeTaken.add(
            new Case("unknown field", false, request(endpoint, path, body, extra, file)));
        if (endpoint.kind() == Kind.MULTIPART) {
          byte[] program = new byte[2048];
          program[0] = 'M';
          program[1] = 'Z';
          cases.add(
              new Case(
                  "upload of a program",
                  true,
                  new Request(path, null, null, form, new Upload("corpus.exe", program))));
          cases.add(
              new Case(
                  "upload over the size limit",
                  true,
                  new Request(
                      path,
                      null,
                      null,
                      form,
                      new Upload("corpus.txt", new byte[OVER_UPLOAD_LIMIT]))));
          cases.add(
              new Case(
                  "empty upload",
                  true,
                  new Request(path, null, null, form, new Upload("corpus.txt", new byte[0]))));
          for (String name :
              List.of(
                  "evil\u202etxt.exe",
                  "../../etc/passwd.txt",
                  "..\\..\\boot.txt",
                  "a".repeat(450) + ".txt",
                  "' or 1=1 --.txt",
                  "<script>alert(1)</script>.txt")) {
            mayBeTaken.add(
                new Case(
                    "upload named " + shorten(name),
                    false,
                    new Request(path, null, null, form, new Upload(name, file.content()))));
          }
        } else if (endpoint.api()) {
          cases.add(
              new Case(
                  "JSON to a form",
                  true,
                  new Request(path, "application/json", "{\"corpus\": [", null, null)));
        }
      }
      case NONE -> {
        mayBeTaken.add(
            new Case(
                "unparseable JSON body",
                false,
                new Request(path, "application/json", "{\"a\": \n  DAILY", null, null)));
        mayBeTaken.add(
            new Case(
                "unknown field",
                false,
                new Request(path, "application/json", "{\"corpusUnknownField\":1}", null, null)));
      }
    }
    cases.addAll(mayBeTaken);
    return cases;
  }

  private static Request request(
      Endpoint endpoint,
      String path,
      ObjectNode body,
      Map<String, List<String>> form,
      Upload file) {
    return switch (endpoint.kind()) {
      case JSON -> new Request(path, "application/json", body.toString(), null, null);
      case MULTIPART -> new Request(path, null, null, form, file);
      case FORM -> new Request(path, "application/x-www-form-urlencoded", null, form, null);
      case NONE -> new Request(path, null, null, null, null);
    };
  }

  /**
   * A field's spoilt values, by name; names starting "may:" are values that may be right (a text
   * that happens to look like an injection, a past date).
   */
  private static Map<String, Object> spoilt(String name, String type, boolean typed) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean dateLike = type.equals("date") || DATE_NAME.matcher(name).matches();
    switch (type) {
      case "number" -> {
        values.put("text for a number", "twelve");
        if (typed) {
          values.put("number beyond a double", new java.math.BigDecimal("1e400"));
          values.put("array for a number", List.of(1));
        }
      }
      case "boolean" -> values.put("text for a boolean", "perhaps");
      case "array" -> {
        if (typed) {
          values.put("object for an array", Map.of("a", 1));
          values.put("number for an array", 7);
        } else {
          values.put("text with a NUL", "a\u0000b");
        }
      }
      case "object" -> {
        if (typed) {
          values.put("array for an object", List.of("a"));
          values.put("text for an object", "text");
        }
      }
      case "enum" -> {
        values.put("unknown value", "CORPUS_UNKNOWN");
        if (typed) {
          values.put("number for a text", 1);
        }
      }
      default -> {
        if (typed) {
          values.put("number for a text", 12345);
          values.put("array for a text", List.of("a"));
          values.put("object for a text", Map.of("a", "b"));
        }
        values.put("a megabyte", MEGABYTE);
        values.put("NUL", "a\u0000b");
        values.put("BEL", "a\u0007b");
        values.put("right-to-left override", "evil\u202etxt.exe");
        values.put("may:SQL injection", "' or 1=1 --");
        values.put("may:script", "<script>alert(1)</script>");
      }
    }
    if (dateLike) {
      values.put("malformed date", "31/02/2026");
      values.put("impossible date", "2026-02-30");
      values.put("may:past date", "1999-01-01");
    }
    return values;
  }

  /** The fields of a JSON body, nested objects' fields as "outer.inner", with their types. */
  private static List<Map.Entry<String, String>> jsonFields(Endpoint endpoint, ObjectNode body) {
    Map<String, String> fields = new LinkedHashMap<>();
    endpoint.fields().forEach(f -> fields.put(f.name(), f.type()));
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> inner = f.getValue().fields();
            inner.hasNext(); ) {
          Map.Entry<String, JsonNode> i = inner.next();
          fields.put(f.getKey() + "." + i.getKey(), jsonType(i.getValue()));
        }
      } else {
        fields.putIfAbsent(f.getKey(), jsonType(f.getValue()));
      }
    }
    return List.copyOf(fields.entrySet());
  }

  private static String jsonType(JsonNode value) {
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isArray()) {
      return "array";
    }
    return value.isObject() ? "object" : "string";
  }

  private void put(ObjectNode body, String name, Object value) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      put((ObjectNode) body.get(name.substring(0, dot)), name.substring(dot + 1), value);
      return;
    }
    body.set(name, json.valueToTree(value));
  }

  private static void remove(ObjectNode body, String name) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      remove((ObjectNode) body.get(name.substring(0, dot)), name.substring(dot + 1));
      return;
    }
    body.remove(name);
  }

  private ObjectNode jsonBase(Endpoint endpoint, JsonNode entry, Fixture fixture)
      throws IOException {
    if (entry.has("body")) {
      return (ObjectNode) json.readTree(fixture.fill(entry.get("body").toString()));
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    for (Field f : endpoint.fields()) {
      switch (f.type()) {
        case "number" -> body.put(f.name(), 1);
        case "boolean" -> body.put(f.name(), true);
        case "date" -> body.put(f.name(), FUTURE);
        case "array" -> body.putArray(f.name());
        case "object" -> body.putObject(f.name());
        default -> body.put(f.name(), "Corpus probe");
      }
    }
    return body;
  }

  private Map<String, List<String>> formBase(Endpoint endpoint, JsonNode entry, Fixture fixture) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (entry.has("form")) {
      entry
          .get("form")
          .fields()
          .forEachRemaining(
              f -> form.put(f.getKey(), List.of(fixture.fill(f.getValue().asText()))));
      return form;
    }
    if (endpoint.kind() == Kind.JSON) {
      return form;
    }
    for (Field f : endpoint.fields()) {
      form.put(
          f.name(),
          List.of(
              switch (f.type()) {
                case "number" -> f.name().equals("year") ? fixture.values.get("year") : "1";
                case "boolean" -> "true";
                case "date" -> FUTURE;
                default -> "Corpus probe";
              }));
    }
    return form;
  }

  /** Why a refusal does not say what to fix, or empty when it does. */
  private Optional<String> unclear(Endpoint endpoint, Case c, HttpResponse<String> answer) {
    String body = answer.body();
    if (body.contains("Exception") || body.contains("\tat org.") || body.contains("at org.")) {
      return Optional.of("shows a stack trace: " + shorten(body));
    }
    if (endpoint.api()) {
      if (!answer
          .headers()
          .firstValue("Content-Type")
          .orElse("")
          .startsWith("application/problem+json")) {
        return Optional.of("is no problem details: " + shorten(body));
      }
      try {
        JsonNode problem = json.readTree(body);
        String detail = problem.path("detail").asText("");
        List<String> generic =
            List.of(
                "",
                "Bad Request",
                "Not Found",
                "Forbidden",
                "Conflict",
                "Failed to read request",
                problem.path("title").asText("-"));
        if (generic.contains(detail.strip())) {
          return Optional.of("says nothing to fix: " + shorten(body));
        }
      } catch (IOException e) {
        return Optional.of("is unreadable: " + shorten(body));
      }
      return Optional.empty();
    }
    if (answer.statusCode() == 403 && body.isBlank()) {
      return Optional.of("is empty");
    }
    if (PAGE_MESSAGE.matcher(body).find()) {
      return Optional.empty();
    }
    // the error page says the address is wrong, there is no such page, or it may not be opened:
    // right for a forged id in the address, not for a field of the form
    if (c.forged() && body.contains("<main id=\"main\" tabindex=\"-1\" class=\"narrow\">")) {
      return Optional.empty();
    }
    return Optional.of("shows no message that says what to fix: " + main(body));
  }

  private String role(Endpoint endpoint, JsonNode entry, Map<String, List<String>> matrix) {
    if (entry.has("as")) {
      return entry.get("as").asText();
    }
    List<String> roles = new ArrayList<>(AuthorizationMatrixTests.ROLES.keySet());
    List<String> answers = matrix.getOrDefault(endpoint.key(), List.of());
    for (String role : PREFERRED) {
      int column = roles.indexOf(role);
      if (column < answers.size() && answers.get(column).equals("in")) {
        return role;
      }
    }
    return "secretariat";
  }

  private static Map<String, List<String>> readMatrix() throws IOException {
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(MATRIX)) {
      if (line.isBlank() || line.startsWith("method,")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      table.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
    }
    return table;
  }

  /** The text of a page's main element. */
  static String main(String page) {
    int start = page.indexOf("<main");
    int end = page.indexOf("</main>");
    String main = start >= 0 && end > start ? page.substring(start, end) : page;
    return shorten(main.replaceAll("<[^>]+>", " "));
  }

  static String shorten(String text) {
    String one = text.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The state a refused input must leave as it was: every row of govflow's tables and of the
   * engine's runtime tables, and the number of rows of each of the engine's history tables. Left
   * out: the HTTP sessions, Flyway's history and the engine's id blocks and metrics.
   */
  private final class State {

    private final String query;
    private String last;

    State() {
      List<String> tables =
          jdbc.sql(
                  "select table_name from information_schema.tables where table_schema ="
                      + " current_schema() and table_type = 'BASE TABLE' order by table_name")
              .query(String.class)
              .list();
      List<String> parts = new ArrayList<>();
      for (String table : tables) {
        String t = table.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("spring_session")
            || t.startsWith("flyway")
            || t.equals("act_ge_property")
            || t.equals("act_ru_meter_log")
            || t.equals("act_ru_task_meter_log")) {
          continue;
        }
        List<String> columns =
            jdbc.sql(
                    "select column_name from information_schema.columns where table_schema ="
                        + " current_schema() and table_name = :t and column_name not in"
                        + " ('last_used_at') order by ordinal_position")
                .param("t", table)
                .query(String.class)
                .list();
        String row = "row(" + String.join(", ", columns.stream().map(c -> "x." + c).toList()) + ")";
        if (t.startsWith("act_hi_") || t.startsWith("act_ge_")) {
          parts.add("select '" + t + "' as t, cast(count(*) as varchar) as v from " + table);
        } else {
          parts.add(
              "select '"
                  + t
                  + "' as t, count(*) || ':' || coalesce(sum(hashtextextended(cast("
                  + row
                  + " as varchar), 0)), 0) as v from "
                  + table
                  + " x");
        }
      }
      query = "select t || '=' || v from (" + String.join(" union all ", parts) + ") s order by t";
    }

    long nanos;

    String now() {
      long started = System.nanoTime();
      last = String.join("\n", jdbc.sql(query).query(String.class).list());
      nanos += System.nanoTime() - started;
      return last;
    }

    /** The state once what an earlier request set going (events, listeners) has settled. */
    String settled() throws InterruptedException {
      if (last != null) {
        return last;
      }
      EventPublications.awaitHandled(jdbcTemplate);
      String before = now();
      for (int i = 0; i < 100; i++) {
        Thread.sleep(40);
        String again = now();
        if (again.equals(before)) {
          return again;
        }
        before = again;
      }
      return before;
    }

    /** An earlier request changed something: settle again before the next. */
    void changed() {
      last = null;
    }
  }

  private static String diff(String before, String after) {
    List<String> a = List.of(before.split("\n"));
    List<String> b = List.of(after.split("\n"));
    List<String> changed = new ArrayList<>();
    for (String row : b) {
      if (!a.contains(row)) {
        changed.add(row.substring(0, row.indexOf('=')));
      }
    }
    return changed.toString();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The demo objects the paths name, a logged-in browser per caller, and forged and foreign ids.
   */
  private final class Fixture {

    final Map<String, WebSession> browsers = new LinkedHashMap<>();
    final Map<String, String> csrf = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> foreign = new LinkedHashMap<>();

    Fixture() {
      for (Map.Entry<String, String> role : AuthorizationMatrixTests.ROLES.entrySet()) {
        if (role.getValue() == null) {
          continue;
        }
        WebSession browser = new WebSession(port);
        browser.login(role.getValue(), "demo");
        browsers.put(role.getKey(), browser);
        csrf.put(role.getKey(), WebSession.csrfToken(browser.get("/").body()));
        tokens.put(role.getKey(), token(role.getValue()));
      }
      values.putAll(DemoPaths.demoObjects(jdbc));
      values.put(
          "comment", one("select cast(min(id) as varchar) from recommendation_answer").orElse("0"));
      values.put("link", one("select cast(min(id) as varchar) from workplan_link").orElse("0"));
      // a spare token of the member, for the writes that revoke one (not the one the corpus uses)
      token(AuthorizationMatrixTests.ROLES.get("member"));
      values.put(
          "memberToken",
          one("select id from access_token where person_id = 'thandiwe.nkosi'"
                  + " order by created_at desc, id limit 1")
              .orElse("0"));
      values.put("webhook", one("select min(id) from webhook_endpoint").orElse("0"));
      // another council's approval: its task, process and document are foreign to the caller
      Map<String, String> other = approval("council-multilevel-finance");
      foreign.putAll(other);
    }

    /**
     * A personal access token: the API is called with it, not with HTTP Basic, whose password hash
     * costs a tenth of a second a request.
     */
    private String token(String person) {
      return DemoPaths.token(port, json, person, "bad-input corpus");
    }

    /** A new approval of the member's council for each write on a task, process or document. */
    boolean freshObjects(String pattern) {
      if (pattern.contains("/tasks/")
          || pattern.contains("/processes/")
          || pattern.contains("/documents/")) {
        values.putAll(approval("council-right-to-city"));
        return true;
      }
      return false;
    }

    private Map<String, String> approval(String body) {
      String process =
          processes
              .start(
                  "document-approval",
                  Map.of(
                      "title",
                      "Bad-input corpus",
                      "summary",
                      "Probe",
                      "approvingBody",
                      body,
                      "respondBy",
                      LocalDate.now().plusDays(10).toString()),
                  "officer")
              .id();
      documents.upload(
          new Participant("officer", Set.of(), true),
          process,
          null,
          "corpus.txt",
          "Corpus probe".getBytes(StandardCharsets.UTF_8));
      return Map.of(
          "process",
          process,
          "task",
          tasks.createTaskQuery().processInstanceId(process).list().stream()
              .map(Task::getId)
              .findFirst()
              .orElse("0"),
          "document",
          one("select min(id) from document where process_instance_id = '" + process + "'")
              .orElseThrow());
    }

    private Optional<String> one(String sql) {
      return DemoPaths.one(jdbc, sql);
    }

    String fill(String text) {
      return text.replace("${future}", FUTURE)
          .replace("${paragraph}", values.get("paragraph"))
          .replace("${year}", values.get("year"));
    }

    /** Forged ids for the variable the matcher is at, and a foreign one where there is one. */
    List<Map.Entry<String, String>> forgeries(String pattern, Matcher at, String role) {
      List<Map.Entry<String, String>> forged = new ArrayList<>();
      forged.add(Map.entry("random UUID for", UUID.randomUUID().toString()));
      forged.add(Map.entry("unknown number for", "987654321"));
      forged.add(
          Map.entry("injection for", URLEncoder.encode("' or 1=1 --", StandardCharsets.UTF_8)));
      String key = DemoPaths.key(pattern.substring(0, at.start()), at.group(1));
      // another council's object is foreign to a member, not to the secretariat that launched it
      if (foreign.containsKey(key) && (role.equals("member") || role.equals("unrelated"))) {
        forged.add(Map.entry("another council's id for", foreign.get(key)));
      }
      return forged;
    }

    String path(String pattern) {
      return pathWith(pattern, null, null);
    }

    /** The pattern with each variable replaced by a real object's id, but one by the given text. */
    String pathWith(String pattern, String variable, String text) {
      return DemoPaths.path(pattern, values, variable, text);
    }

    /** Sends a request as a caller: HTTP Basic on the API, the logged-in browser on the pages. */
    HttpResponse<String> send(String role, Endpoint endpoint, Request request) {
      String person = AuthorizationMatrixTests.ROLES.get(role);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept-Language", "en");
      WebSession session;
      if (endpoint.api()) {
        session = new WebSession(port);
        headers.put("Authorization", "Bearer " + tokens.get(role));
        headers.put("Accept", "application/json");
      } else {
        session = browsers.get(role);
        headers.put("X-CSRF-TOKEN", csrf.get(role));
      }
      if (request.file() != null) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        request.form().forEach((k, vs) -> vs.forEach(v -> fields.add(Map.entry(k, v))));
        if (!endpoint.api()) {
          fields.add(Map.entry("_csrf", csrf.get(role)));
        }
        return session.postMultipart(
            request.path(),
            fields,
            endpoint.fileField(),
            request.file().name(),
            request.file().content(),
            headers);
      }
      String body = request.body();
      if (request.form() != null) {
        StringBuilder encoded = new StringBuilder();
        request
            .form()
            .forEach(
                (k, vs) ->
                    vs.forEach(
                        v ->
                            encoded
                                .append(encoded.isEmpty() ? "" : "&")
                                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        if (!endpoint.api()) {
          encoded
              .append(encoded.isEmpty() ? "" : "&")
              .append("_csrf=")
              .append(URLEncoder.encode(csrf.get(role), StandardCharsets.UTF_8));
        }
        body = encoded.toString();
      }
      if (request.contentType() != null) {
        headers.put("Content-Type", request.contentType());
      }
      return session.send(endpoint.method(), request.path(), headers, body);
    }
  }
}
