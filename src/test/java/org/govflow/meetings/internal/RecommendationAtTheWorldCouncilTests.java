package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govflow.meetings.internal.MeetingFixtures.MADRID;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.meetings.Meetings;
import org.govflow.recommendations.RecommendationJourney;
import org.govflow.recommendations.RecommendationJourney.Answer;
import org.govflow.recommendations.RecommendationJourney.Launched;
import org.govflow.support.MailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two processes together, through the HTTP API as the people who act: a recommendation adopted
 * by its council and endorsed by the Presidency is on the next World Council's agenda by itself, is
 * adopted there, and its own process ends "adopted", with one register entry for the World
 * Council's decision. The engine is asked only which task is whose and to fire the meeting's timers
 * (the call's and the attendance's deadlines, the day itself), which the job executor would fire
 * weeks from now. At the end, Camunda's own REST API shows, as the operator sees it, that neither
 * process left a Java-serialized variable behind.
 */
@MailIntegrationTest
class RecommendationAtTheWorldCouncilTests {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DecisionRegister register;
  @Autowired MeetingRepository meetings;
  @Autowired Convocations convocations;
  @Autowired Agendas agendas;
  @Autowired AttendanceRoll roll;
  @Autowired Meetings calendar;
  // test contexts give their engines unique names; the REST API addresses them by name
  @Autowired ProcessEngine engine;

  @Test
  void aRecommendationAdoptedByItsCouncilIsAdoptedByTheNextWorldCouncil() {
    RecommendationJourney api = new RecommendationJourney(port);
    Launched recommendation = api.toWorldCouncil("Green public procurement in cities");

    // the secretariat convenes the next World Council; the Presidency approves the convocation
    LocalDate day = LocalDate.now(MADRID).plusDays(45);
    Map<String, Object> values =
        MeetingFixtures.worldCouncilLaunch(
            "World Council, spring session", day + "T10:00", day + "T17:00");
    Answer launched =
        api.post(
            "officer",
            "/api/v1/processes",
            Map.of("processKey", "statutory-meeting", "values", values));
    assertThat(launched.status()).as(launched.body()).isEqualTo(201);
    String meeting = launched.json().path("id").asText();
    String key = launched.json().path("businessKey").asText();
    assertThat(key).matches("WC-\\d{4}-\\d{2}");
    complete("president", task(meeting, "ApproveConvocation"), "convocationDecision", "approve");

    // the call for agenda items closes at its deadline: what awaits the World Council joins
    fire(meeting, "CallDeadlineReached");
    fire(meeting, "AttendanceDeadlineReached");
    JsonNode page = api.get("officer", "/api/v1/meetings/" + key).json();
    assertThat(page.toString()).contains(recommendation.businessKey());

    complete("officer", task(meeting, "ConsolidateAgenda"), "agenda", "Opening");
    complete("president", task(meeting, "ApproveAgenda"), "agendaDecision", "approve");

    // the day: every member present; each item decided, the recommendation by 20 to 3
    fire(meeting, "MeetingStarts");
    complete(
        "officer",
        task(meeting, "RecordAttendance"),
        "presentMembers",
        String.join("\n", roll.memberIds("world-council")));
    List<String> decided = new ArrayList<>();
    for (Task item = next(meeting); item != null; item = next(meeting)) {
      decided.add((String) tasks.getVariable(item.getId(), "itemTitle"));
      Answer answer =
          api.post(
              "officer",
              "/api/v1/tasks/" + item.getId() + "/complete",
              Map.of("values", Map.of("votesFor", 20, "votesAgainst", 3, "abstentions", 2)));
      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }
    assertThat(decided).contains("Green public procurement in cities", "Opening");

    // the recommendation's own process got the decision and ended "adopted"
    HistoricProcessInstance process =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(recommendation.processInstanceId())
            .singleResult();
    assertThat(process.getEndTime()).isNotNull();
    assertThat(process.getEndActivityId()).isEqualTo("RecommendationAdopted");
    JsonNode details =
        api.get("thandiwe.nkosi", "/api/v1/recommendations/" + recommendation.businessKey()).json();
    assertThat(details.path("outcome").asText()).isEqualTo("adopted");
    assertThat(details.path("running").asBoolean()).isFalse();

    // one register entry for the World Council's decision, on the recommendation, with the votes
    List<Decision> byWorldCouncil =
        register.ofProcess(recommendation.processInstanceId()).stream()
            .filter(d -> d.content().bodyId().equals("world-council"))
            .toList();
    assertThat(byWorldCouncil)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.content().outcome()).isEqualTo("adopted");
              assertThat(d.content().businessKey()).isEqualTo(recommendation.businessKey());
              assertThat(d.content().votes().inFavour()).isEqualTo(20);
              assertThat(d.content().rule().key()).isEqualTo("meeting-majority");
              assertThat(d.content().documentSha256())
                  .isEqualTo(
                      details
                          .path("versions")
                          .get(details.path("versions").size() - 1)
                          .path("sha256")
                          .asText());
            });

    // minutes: drafted, reviewed by every member, approved; the meeting ends
    complete("officer", task(meeting, "DraftMinutes"), "minutes", "# Minutes\n\nAdopted.");
    for (Task review :
        tasks
            .createTaskQuery()
            .processInstanceId(meeting)
            .taskDefinitionKey("ReviewMinutes")
            .list()) {
      Answer answer =
          api.post(
              review.getAssignee(),
              "/api/v1/tasks/" + review.getId() + "/complete",
              Map.of("values", Map.of()));
      assertThat(answer.status()).as(review.getAssignee() + ": " + answer.body()).isEqualTo(204);
    }
    complete("president", task(meeting, "ApproveMinutes"), "minutesDecision", "approve");

    // both processes ended leaving no variable serialized as a Java object
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(meeting)
                .singleResult()
                .getEndTime())
        .as("the meeting's end")
        .isNotNull();
    assertNoJavaSerializedVariables(api, recommendation.processInstanceId(), meeting);
  }

  /**
   * Asks Camunda's REST API, over HTTP as the operator, for the historic variables of the given
   * process instances and of any they started, and fails naming every variable of type Object
   * serialized with Java serialization.
   */
  private void assertNoJavaSerializedVariables(
      RecommendationJourney api, String... processInstanceIds) {
    List<String> instances = new ArrayList<>(List.of(processInstanceIds));
    for (int i = 0; i < instances.size(); i++) {
      history
          .createHistoricProcessInstanceQuery()
          .superProcessInstanceId(instances.get(i))
          .list()
          .forEach(sub -> instances.add(sub.getId()));
    }
    Answer answer =
        api.get(
            "admin",
            "/engine-rest/engine/"
                + engine.getName()
                + "/history/variable-instance?deserializeValues=false&processInstanceIdIn="
                + String.join(",", instances));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode variables = answer.json();
    assertThat(variables).as("historic variables of %s", instances).isNotEmpty();
    assertThat(variables.findValuesAsText("processInstanceId"))
        .as("instances with historic variables")
        .contains(processInstanceIds);
    List<String> javaSerialized = new ArrayList<>();
    for (JsonNode variable : variables) {
      if (variable.path("type").asText().equals("Object")
          && variable
              .path("valueInfo")
              .path("serializationDataFormat")
              .asText()
              .equals("application/x-java-serialized-object")) {
        javaSerialized.add(
            variable.path("name").asText()
                + " ("
                + variable.path("valueInfo").path("objectTypeName").asText()
                + ", process instance "
                + variable.path("processInstanceId").asText()
                + ", activity instance "
                + variable.path("activityInstanceId").asText()
                + ")");
      }
    }
    assertThat(javaSerialized).as("Java-serialized process variables").isEmpty();
  }

  private void complete(String as, Task task, String field, Object value) {
    Answer answer =
        new RecommendationJourney(port)
            .post(
                as,
                "/api/v1/tasks/" + task.getId() + "/complete",
                Map.of("values", Map.of(field, value)));
    assertThat(answer.status()).as(as + ": " + answer.body()).isEqualTo(204);
  }

  private Task task(String process, String activityId) {
    List<Task> found =
        tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(activityId).list();
    assertThat(found).as("open %s tasks", activityId).hasSize(1);
    return found.get(0);
  }

  private Task next(String meeting) {
    return tasks
        .createTaskQuery()
        .processInstanceId(meeting)
        .taskDefinitionKey("RecordDecision")
        .singleResult();
  }

  private void fire(String process, String timer) {
    management.executeJob(
        management
            .createJobQuery()
            .processInstanceId(process)
            .activityId(timer)
            .singleResult()
            .getId());
  }
}
