package org.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import govflow.client.ApiClient;
import govflow.client.ApiException;
import govflow.client.api.DecisionsApi;
import govflow.client.api.InboxApi;
import govflow.client.model.CompleteRequest;
import govflow.client.model.DecisionView;
import govflow.client.model.InboxTask;
import govflow.client.model.LaunchRequest;
import govflow.client.model.StartedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govflow.recommendations.RecommendationJourney;
import org.govflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API through a client generated from its OpenAPI document (the committed snapshot that {@link
 * OpenApiDocumentTests} keeps equal to the live one), as an integrator would use it: a
 * recommendation launched, its tasks completed, its council's decision found in the register.
 */
@IntegrationTest
class OpenApiClientTests {

  @LocalServerPort int port;

  ApiClient as(String user) {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + port);
    String token =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + token));
    return client;
  }

  @Test
  void aRecommendationIsLaunchedWorkedOnAndItsDecisionFoundThroughTheGeneratedClient()
      throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("council", RecommendationJourney.COUNCIL);
    values.put("title", "Housing through the generated client");
    values.put("summary", "Cities recommend that housing be treated as a right.");
    values.put("document", "# Housing\n\nDraft text of the recommendation.\n");
    values.put("sections", RecommendationJourney.SECTIONS);
    values.put("consultationDays", 15);
    StartedProcess started =
        new InboxApi(as("officer"))
            .launchProcess(new LaunchRequest().processKey("policy-recommendation").values(values));
    assertThat(started.getBusinessKey()).startsWith("REC-RTC-");

    // the co-chairs approve the draft, each through their own inbox
    for (String coChair : RecommendationJourney.CO_CHAIRS) {
      InboxApi inbox = new InboxApi(as(coChair));
      String task = taskOf(inbox, started.getId());
      inbox.completeTask(task, new CompleteRequest().values(Map.of("review", "approve")));
      // the same task twice: the document's 409, a problem the client can read
      ApiException again =
          catchThrowableOfType(
              ApiException.class,
              () ->
                  inbox.completeTask(
                      task, new CompleteRequest().values(Map.of("review", "approve"))));
      assertThat(again.getCode()).isIn(404, 409);
      assertThat(again.getResponseHeaders().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    // invalid values: a 400 problem naming the field
    RecommendationJourney journey = new RecommendationJourney(port);
    RecommendationJourney.Launched launched =
        new RecommendationJourney.Launched(started.getId(), started.getBusinessKey());
    journey.sectionsAnswer(launched);
    journey.disposeOfComments(launched, "officer");
    InboxApi officer = new InboxApi(as("officer"));
    ApiException invalid =
        catchThrowableOfType(
            ApiException.class,
            () ->
                officer.completeTask(
                    taskOf(officer, started.getId()),
                    new CompleteRequest().values(Map.of("document", ""))));
    assertThat(invalid.getCode()).isEqualTo(400);
    assertThat(invalid.getResponseBody()).contains("\"field\"", "document");
    journey.consolidate(launched, "officer", "# Housing\n\nConsolidated text.\n");
    journey.councilAdopts(launched);

    // the council's decision, through the register's query
    DecisionsApi decisions = new DecisionsApi(as("officer"));
    List<DecisionView> found =
        decisions.listDecisions(
            "policy-recommendation", RecommendationJourney.COUNCIL, null, null, null);
    assertThat(found)
        .filteredOn(d -> started.getBusinessKey().equals(d.getBusinessKey()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getOutcome()).isEqualTo("adopted");
              assertThat(d.getBodyId()).isEqualTo(RecommendationJourney.COUNCIL);
              assertThat(d.getDecidedAt()).isNotNull();
            });
    ApiException badFilter =
        catchThrowableOfType(
            ApiException.class,
            () -> decisions.listDecisions(null, null, "not-a-date", null, null));
    assertThat(badFilter.getCode()).isEqualTo(400);
    assertThat(badFilter.getResponseBody()).contains("\"field\"", "from");
  }

  /** The caller's one open task in the process, waiting for the job executor's first step. */
  private static String taskOf(InboxApi inbox, String processInstanceId) {
    String[] found = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<InboxTask> tasks =
                  inbox.getInbox("policy-recommendation", null, null, 0, 100, false).getTasks();
              found[0] =
                  tasks.stream()
                      .filter(t -> processInstanceId.equals(t.getProcessInstanceId()))
                      .map(InboxTask::getId)
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no task yet"));
            });
    return found[0];
  }
}
