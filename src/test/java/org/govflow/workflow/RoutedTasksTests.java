package org.govflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A governance task is completed only by whom it is routed to, whatever the door: the operator
 * reaches Camunda's REST API but cannot complete a council's task there, not even after taking it;
 * a member of the body the task is routed to can, and the engine's log names who acted.
 */
@IntegrationTest
class RoutedTasksTests {

  // admin: the platform operator, also a secretariat officer; thandiwe.nkosi: Right to the City
  static final String OPERATOR = "admin";
  static final String MEMBER = "thandiwe.nkosi";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  private String review(String body) {
    String process =
        runtime
            .startProcessInstanceByKey(
                "document-approval",
                Map.of(
                    "title", "Budget 2027",
                    "summary", "The draft budget",
                    "approvingBody", body,
                    "respondBy", LocalDate.now().plusDays(10).toString(),
                    "initiator", "officer"))
            .getId();
    return tasks.createTaskQuery().processInstanceId(process).singleResult().getId();
  }

  private HttpResponse<String> engineRest(String method, String path, String body) {
    return new WebSession(port)
        .send(
            method,
            "/engine-rest/engine/" + engine.getName() + path,
            Map.of(
                "Authorization", WebSession.basic(OPERATOR, "demo"),
                "Content-Type", "application/json",
                "Accept", "application/json"),
            body);
  }

  private static final String APPROVE =
      "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"}}}";

  @Test
  void theOperatorCannotCompleteACouncilsTaskThroughCamundasRestApi() {
    String task = review("council-right-to-city");

    HttpResponse<String> refused = engineRest("POST", "/task/" + task + "/complete", APPROVE);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();

    // taking the task first changes nothing: it is still routed to the council
    assertThat(
            engineRest("POST", "/task/" + task + "/claim", "{\"userId\":\"admin\"}").statusCode())
        .isEqualTo(204);
    assertThat(engineRest("POST", "/task/" + task + "/complete", APPROVE).statusCode())
        .isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();

    // the operator keeps operations: reading, and handing the task back
    assertThat(engineRest("GET", "/task/" + task, null).statusCode()).isEqualTo(200);
    assertThat(engineRest("POST", "/task/" + task + "/unclaim", null).statusCode()).isEqualTo(204);
  }

  @Test
  void aMemberOfTheBodyCompletesItAndTheEngineNamesThem() {
    String task = review("council-right-to-city");

    identity.setAuthentication(MEMBER, List.of("council-right-to-city"));
    try {
      tasks.complete(task, Map.of("decision", "approve"));
    } finally {
      identity.clearAuthentication();
    }

    assertThat(history.createHistoricTaskInstanceQuery().taskId(task).finished().count()).isOne();
  }

  @Test
  void theOperatorCompletesATaskRoutedToTheirOwnBodyAndIsNamedForIt() {
    // admin sits in the secretariat
    String task = review("secretariat");

    HttpResponse<String> done = engineRest("POST", "/task/" + task + "/complete", APPROVE);

    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    UserOperationLogEntry entry =
        history
            .createUserOperationLogQuery()
            .taskId(task)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
            .singleResult();
    assertThat(entry.getUserId()).isEqualTo(OPERATOR);
  }

  @Test
  void someoneOutsideTheBodyIsRefusedByTheEngineWhateverTheDoor() {
    String task = review("council-right-to-city");

    identity.setAuthentication("karen.liu", List.of("council-resilient-cities"));
    try {
      assertThatThrownBy(() -> tasks.complete(task, Map.of("decision", "approve")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
  }
}
