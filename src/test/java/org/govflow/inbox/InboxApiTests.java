package org.govflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Votes;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Launching and working on tasks over the API, on PostgreSQL: the secretariat launches, the
 * approving council's members act, members of another council can neither see nor act.
 */
@IntegrationTest
class InboxApiTests {

  // council-right-to-city: thandiwe.nkosi (co-chair), diego.fuentes; council-resilient-cities:
  // karen.liu; officer: World Secretariat
  static final String SECRETARIAT = "officer";
  static final String MEMBER = "thandiwe.nkosi";
  static final String COLLEAGUE = "diego.fuentes";
  static final String OUTSIDER = "karen.liu";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Processes processes;
  @Autowired DecisionRegister decisions;

  Api api;

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  static Map<String, Object> startValues(String body) {
    return Map.of(
        "title",
        "Budget 2027",
        "summary",
        "The draft budget for 2027",
        "approvingBody",
        body,
        "respondBy",
        LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(3).toString());
  }

  String launch(String body) {
    Api.Answer started =
        api.launch(
            SECRETARIAT, "document-approval", startValues(body), "budget.md", "# Budget 2027");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().path("id").asText();
  }

  String taskOf(String processInstanceId) {
    return runtime.createExecutionQuery().processInstanceId(processInstanceId).count() == 0
        ? null
        : history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .unfinished()
            .singleResult()
            .getId();
  }

  @Test
  void theSecretariatMayLaunchCouncilMembersMayNot() {
    Api.Answer types = api.get(SECRETARIAT, "/api/v1/process-types");
    assertThat(types.status()).isEqualTo(200);
    JsonNode approval = null;
    for (JsonNode type : types.json()) {
      if (type.path("key").asText().equals("document-approval")) {
        approval = type;
      }
    }
    assertThat(approval).as("document-approval among " + types.json()).isNotNull();
    assertThat(approval.path("startForm").path("id").asText()).isEqualTo("document-approval-start");
    assertThat(approval.path("startForm").path("schema").path("components").size()).isEqualTo(5);

    // a council co-chair may propose recommendations for their council (launch-roles), nothing else
    JsonNode memberTypes = api.get(MEMBER, "/api/v1/process-types").json();
    assertThat(memberTypes.size()).isEqualTo(1);
    assertThat(memberTypes.get(0).path("key").asText()).isEqualTo("policy-recommendation");
    long before = runtime.createProcessInstanceQuery().count();
    Api.Answer refused =
        api.post(
            MEMBER,
            "/api/v1/processes",
            Map.of(
                "processKey", "document-approval", "values", startValues("council-right-to-city")));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void launchingGivesAReadableBusinessKeyAndInvalidValuesChangeNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    Api.Answer invalid =
        api.post(
            SECRETARIAT,
            "/api/v1/processes",
            Map.of(
                "processKey",
                "document-approval",
                "values",
                Map.of("title", "ab", "approvingBody", "nobody", "respondBy", "2001-01-01")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    // every field to fix at once, the missing document with the others
    assertThat(invalid.json().path("errors").findValuesAsText("field"))
        .containsExactly("title", "summary", "approvingBody", "respondBy", "file");
    assertThat(invalid.json().path("errors").get(0).path("message").asText())
        .isEqualTo("Enter at least 3 characters.");
    assertThat(
            api.post(
                    SECRETARIAT,
                    "/api/v1/processes",
                    Map.of("processKey", "no-such", "values", Map.of()))
                .status())
        .isEqualTo(404);
    assertThat(api.post(SECRETARIAT, "/api/v1/processes", "{\"processKey\": ").status())
        .isEqualTo(400);
    assertThat(api.post(SECRETARIAT, "/api/v1/processes", "{\"values\": []}").status())
        .isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);

    Api.Answer started =
        api.launch(
            SECRETARIAT,
            "document-approval",
            startValues("world-council"),
            "budget.md",
            "# Budget 2027");
    assertThat(started.status()).isEqualTo(201);
    String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
    assertThat(started.json().path("businessKey").asText()).matches("DOC-" + year + "-\\d{3}");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(started.json().path("id").asText())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(started.json().path("businessKey").asText());
  }

  @Test
  void concurrentLaunchesGetDistinctBusinessKeys() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<StartedProcess>> launches = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        launches.add(
            () ->
                processes.start(
                    "document-approval",
                    Map.of(
                        "title", "Parallel",
                        "summary", "s",
                        "approvingBody", "presidency",
                        "respondBy", "2099-01-01"),
                    SECRETARIAT));
      }
      Set<String> keys = new HashSet<>();
      for (Future<StartedProcess> f : pool.invokeAll(launches)) {
        keys.add(f.get().businessKey());
      }
      assertThat(keys).hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theApprovingCouncilWorksOnItsTaskAndNoOtherCouncilCan() {
    String process = launch("council-right-to-city");
    String task = taskOf(process);

    JsonNode inbox = api.get(MEMBER, "/api/v1/inbox").json();
    JsonNode row = find(inbox.path("tasks"), task);
    assertThat(row).isNotNull();
    assertThat(row.path("businessKey").asText()).startsWith("DOC-");
    assertThat(row.path("body").asText()).isEqualTo("council-right-to-city");
    assertThat(row.path("processKey").asText()).isEqualTo("document-approval");
    assertThat(row.path("due").isMissingNode()).isFalse();
    assertThat(inbox.path("counts").path("group").asLong()).isPositive();

    // another council sees nothing and may do nothing
    assertThat(find(api.get(OUTSIDER, "/api/v1/inbox").json().path("tasks"), task)).isNull();
    assertThat(api.get(OUTSIDER, "/api/v1/tasks/" + task).status()).isEqualTo(403);
    assertThat(api.post(OUTSIDER, "/api/v1/tasks/" + task + "/claim", Map.of()).status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    OUTSIDER,
                    "/api/v1/tasks/" + task + "/complete",
                    Map.of("values", Map.of("decision", "approve")))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(OUTSIDER, "/api/v1/tasks/" + task + "/comments", Map.of("text", "sneaky"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(OUTSIDER, "/api/v1/tasks/" + task + "/delegate", Map.of("userId", OUTSIDER))
                .status())
        .isEqualTo(403);
    assertThat(api.get(OUTSIDER, "/api/v1/processes/" + process).status()).isEqualTo(403);
    assertThat(api.get(OUTSIDER, "/api/v1/processes").json().findValuesAsText("id"))
        .doesNotContain(process);

    // unknown or forged ids
    assertThat(api.get(MEMBER, "/api/v1/tasks/no-such-task").status()).isEqualTo(404);
    assertThat(api.post(MEMBER, "/api/v1/tasks/" + "x".repeat(300) + "/claim", Map.of()).status())
        .isEqualTo(404);

    // the council: detail, comment, claim, delegate, complete
    Api.Answer detail = api.get(MEMBER, "/api/v1/tasks/" + task);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json().path("form").path("id").asText())
        .isEqualTo("document-approval-review");
    assertThat(detail.json().path("timeline").findValuesAsText("activityId"))
        .contains("DocumentSubmitted");

    assertThat(
            api.post(MEMBER, "/api/v1/tasks/" + task + "/comments", Map.of("text", " ")).status())
        .isEqualTo(400);
    Api.Answer comment =
        api.post(MEMBER, "/api/v1/tasks/" + task + "/comments", Map.of("text", "Looks fine"));
    assertThat(comment.status()).isEqualTo(201);
    assertThat(comment.json().path("author").asText()).isEqualTo(MEMBER);

    assertThat(api.post(MEMBER, "/api/v1/tasks/" + task + "/claim", Map.of()).status())
        .isEqualTo(204);
    assertThat(api.post(COLLEAGUE, "/api/v1/tasks/" + task + "/claim", Map.of()).status())
        .isEqualTo(409);
    assertThat(
            api.post(
                    COLLEAGUE,
                    "/api/v1/tasks/" + task + "/complete",
                    Map.of("values", Map.of("decision", "approve")))
                .status())
        .isEqualTo(403);
    Api.Answer badDelegate =
        api.post(MEMBER, "/api/v1/tasks/" + task + "/delegate", Map.of("userId", OUTSIDER));
    assertThat(badDelegate.status()).isEqualTo(400);
    assertThat(badDelegate.json().path("errors").findValuesAsText("field"))
        .containsExactly("userId");
    assertThat(
            api.post(MEMBER, "/api/v1/tasks/" + task + "/delegate", Map.of("userId", COLLEAGUE))
                .status())
        .isEqualTo(204);
    assertThat(
            api.get(COLLEAGUE, "/api/v1/inbox?assigned=me")
                .json()
                .path("tasks")
                .findValuesAsText("id"))
        .contains(task);

    Api.Answer invalid =
        api.post(
            COLLEAGUE,
            "/api/v1/tasks/" + task + "/complete",
            Map.of("values", Map.of("decision", "maybe")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").findValuesAsText("field")).containsExactly("decision");
    assertThat(taskOf(process)).isEqualTo(task);

    assertThat(
            api.post(
                    COLLEAGUE,
                    "/api/v1/tasks/" + task + "/complete",
                    Map.of("values", Map.of("decision", "approve")))
                .status())
        .isEqualTo(204);
    // a double submit: the task is done, nothing changes
    Api.Answer again =
        api.post(
            COLLEAGUE,
            "/api/v1/tasks/" + task + "/complete",
            Map.of("values", Map.of("decision", "reject")));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText())
        .contains("ya se completó"); // in diego.fuentes's language
    assertThat(api.get(OUTSIDER, "/api/v1/tasks/" + task).status()).isEqualTo(403);

    JsonNode done = api.get(MEMBER, "/api/v1/processes/" + process).json();
    assertThat(done.path("process").path("state").asText()).isEqualTo("completed");
    assertThat(done.path("timeline").findValuesAsText("activityId")).contains("DocumentApproved");
    assertThat(done.path("comments").findValuesAsText("text")).contains("Looks fine");
    assertThat(api.get(MEMBER, "/api/v1/processes?state=completed").json().findValuesAsText("id"))
        .contains(process);
  }

  @Test
  void twoMembersSubmittingAtOnceGetOneSuccessAndOneConflictNeverA500() throws Exception {
    String process = launch("council-right-to-city");
    String task = taskOf(process);
    List<Integer> statuses =
        submitAtOnce(
            task, List.of(MEMBER, COLLEAGUE), who -> who.equals(MEMBER) ? "approve" : "reject");
    // the loser was routed the task too: it finds it done (409), never "not yours" (403)
    assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    assertThat(decisionsRecordedIn(process)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
    // nobody held it: the history names who completed it, and the engine's operation log records
    // the one thing they did, the completion, not the claim it took to name them
    String winner = statuses.get(0) == 204 ? MEMBER : COLLEAGUE;
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo(winner);
    assertThat(history.createUserOperationLogQuery().taskId(task).list())
        .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
        .containsExactly(tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, winner));
  }

  @Test
  void tenSubmissionsOfOneTaskAtOnceGiveOneSuccessAndNineConflictsNeverA500() throws Exception {
    String process = launch("council-right-to-city");
    String task = taskOf(process);
    // the member holds the task and submits it ten times at once (a double click, a retrying
    // client)
    assertThat(api.post(MEMBER, "/api/v1/tasks/" + task + "/claim", Map.of()).status())
        .isEqualTo(204);
    List<Integer> statuses = submitAtOnce(task, Collections.nCopies(10, MEMBER), who -> "approve");
    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s != 204)).hasSize(9).allMatch(s -> s == 409);
    assertThat(decisionsRecordedIn(process)).isEqualTo(1);
  }

  /** Each person submits the task at the same moment, with their decision; the statuses. */
  private List<Integer> submitAtOnce(
      String task, List<String> people, java.util.function.Function<String, String> decision)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    try {
      List<Callable<Integer>> submits = new ArrayList<>();
      for (String who : people) {
        submits.add(
            () ->
                api.post(
                        who,
                        "/api/v1/tasks/" + task + "/complete",
                        Map.of("values", Map.of("decision", decision.apply(who))))
                    .status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(submits)) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private long decisionsRecordedIn(String process) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(process)
        .variableName("decision")
        .count();
  }

  @Test
  void aDocumentApprovalStartsOnlyWithItsDocument() {
    long before = runtime.createProcessInstanceQuery().count();
    // JSON carries no file: refused beside "file", saying how to send it
    Api.Answer json =
        api.post(
            SECRETARIAT,
            "/api/v1/processes",
            Map.of("processKey", "document-approval", "values", startValues("world-council")));
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.json().path("errors").findValuesAsText("field")).containsExactly("file");
    assertThat(json.json().path("errors").get(0).path("message").asText())
        .contains("multipart/form-data");
    // multipart without the file: refused the same way
    Api.Answer noFile =
        api.launch(SECRETARIAT, "document-approval", startValues("world-council"), null, null);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.json().path("errors").get(0).path("message").asText())
        .isEqualTo(
            "Attach the document the body is asked to approve: a document approval cannot start"
                + " without it.");
    // values that are not JSON: refused beside "values"
    Api.Answer notJson =
        api.launch(SECRETARIAT, "document-approval", "{not json", "budget.md", "# Budget");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);

    // with its document: started, and the body's members find the document on their task
    Api.Answer started =
        api.launch(
            SECRETARIAT,
            "document-approval",
            startValues("council-right-to-city"),
            "budget.md",
            "# Budget 2027\n\nThe draft budget.");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String process = started.json().path("id").asText();
    JsonNode documents = api.get(MEMBER, "/api/v1/processes/" + process).json().path("documents");
    assertThat(documents.findValuesAsText("fileName")).containsExactly("budget.md");
  }

  @Test
  void aProcessShowsTheDecisionsTakenInIt() {
    String process = launch("council-right-to-city");
    decisions.record(
        new NewDecision(
            "council-right-to-city",
            "document-approval",
            process,
            null,
            "Budget 2027 approved",
            "approved",
            new Votes(5, 0, 1, 1),
            List.of(),
            null,
            null,
            null,
            java.time.Instant.parse("2026-11-20T10:00:00Z"),
            "system"));

    JsonNode details = api.get(MEMBER, "/api/v1/processes/" + process).json();

    assertThat(details.path("decisions").findValuesAsText("subject"))
        .containsExactly("Budget 2027 approved");
    WebSession browser = new WebSession(port);
    browser.login(MEMBER, "demo");
    java.net.http.HttpResponse<String> page = browser.get("/processes/" + process);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Budget 2027 approved", "/decisions/");
    assertThat(api.get(OUTSIDER, "/api/v1/processes/" + process).status()).isEqualTo(403);
  }

  @Test
  void theInboxIsPagedSoonestDueFirst() {
    for (int i = 0; i < 3; i++) {
      launch("council-multilevel-finance");
    }
    // kwame.mensah co-chairs council-multilevel-finance
    JsonNode first = api.get("kwame.mensah", "/api/v1/inbox?size=2").json();
    assertThat(first.path("tasks").size()).isEqualTo(2);
    assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(first.path("hasNext").asBoolean()).isTrue();
    assertThat(first.path("counts").path("all").asLong()).isEqualTo(first.path("total").asLong());
    JsonNode second = api.get("kwame.mensah", "/api/v1/inbox?size=2&page=1&counts=false").json();
    assertThat(second.path("tasks").size()).isPositive();
    // counts=false skips the counting: no counts nor total in the answer (nulls are left out)
    assertThat(second.has("counts")).isFalse();
    assertThat(second.has("total")).isFalse();
    assertThat(second.has("hasNext")).isTrue();
    long total = first.path("total").asLong();
    assertThat(second.path("hasNext").asBoolean()).isEqualTo(total > 4);
    assertThat(second.path("tasks").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(first.path("tasks").findValuesAsText("id"));
    List<String> dues = first.path("tasks").findValuesAsText("due");
    assertThat(dues).isSortedAccordingTo(String::compareTo);
  }

  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void engineCallsJoinTheCallersTransactionSoARollbackLeavesNothingHalfDone() {
    String task = taskOf(launch("council-right-to-city"));
    new org.springframework.transaction.support.TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              taskService.claim(task, MEMBER);
              status.setRollbackOnly();
            });
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  @Test
  void badFiltersAreRefusedWithFieldErrors() {
    Api.Answer bad = api.get(MEMBER, "/api/v1/inbox?due=tomorrow");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("due");
    assertThat(api.get(MEMBER, "/api/v1/inbox?page=abc").status()).isEqualTo(400);
    assertThat(api.get(MEMBER, "/api/v1/processes?state=maybe").status()).isEqualTo(400);
  }

  private static JsonNode find(JsonNode tasks, String id) {
    for (JsonNode t : tasks) {
      if (t.path("id").asText().equals(id)) {
        return t;
      }
    }
    return null;
  }
}
