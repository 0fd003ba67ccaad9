package org.govflow.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The focal point's assessment cites what was done under the MoU: the MoU's page offers the work
 * plan actions, meetings and register decisions that concern the partner and that the focal point
 * may see (a section's focal point: their section's meeting and decision, not the World Council's
 * closed ones); a citation of anything else is refused and nothing is stored; what is cited is
 * stored with its title and shown to the Secretary General on the decision's task and on the MoU's
 * page.
 */
@IntegrationTest
class MouAssessmentTests {

  private static final String FOCAL_POINT = "elise.vandamme";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired DecisionRegister register;

  @Test
  void theFocalPointCitesWhatConcernsThePartnerAndMaySeeAndTheSecretaryGeneralReadsItByTitle() {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    String seenMeeting = meeting("SE-" + marker, "section-europe", "Housing with UN-Habitat");
    String hiddenMeeting = meeting("WC-" + marker, "world-council", "Closed: UN-Habitat funding");
    meeting("SO-" + marker, "section-europe", "Tourism and culture " + marker);
    Decision seenDecision =
        decision("section-europe", "Joint housing report, UN-Habitat " + marker);
    Decision hiddenDecision = decision("world-council", "UN-Habitat budget line " + marker);

    MouHttp api = new MouHttp(port);
    long id = register(api, "Housing observatory " + marker);
    String pid = api.startRenewal(id);
    Task assess = task(pid, "Assess");

    // the MoU's page offers what concerns the partner and the focal point may see
    WebSession focalPoint = new WebSession(port);
    focalPoint.login(FOCAL_POINT, "demo");
    String page = focalPoint.get("/partnerships/" + id).body();
    String offered =
        page.substring(page.indexOf("id=\"assessment\""), page.indexOf("id=\"terms\""));
    assertThat(offered)
        .contains("Housing with UN-Habitat")
        .contains("Joint housing report, UN-Habitat " + marker)
        .doesNotContain("Closed: UN-Habitat funding")
        .doesNotContain("UN-Habitat budget line")
        .doesNotContain("Tourism and culture");
    List<String> actions = new ArrayList<>();
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("value=\"(action:\\d+)\"").matcher(offered);
    while (action.find()) {
      actions.add(action.group(1));
    }
    assertThat(actions).as("the demo work plan's UN-Habitat actions").isNotEmpty();

    // citing the World Council's closed items is refused, naming them, and stores nothing
    var refused =
        api.post(
            FOCAL_POINT,
            "/api/v1/tasks/" + assess.getId() + "/complete",
            Map.of(
                "values",
                Map.of(
                    "assessment",
                    "A joint report.",
                    "recommendation",
                    "renew-as-is",
                    "assessmentLinks",
                    "meeting:"
                        + seenMeeting
                        + "\nmeeting:"
                        + hiddenMeeting
                        + "\ndecision:"
                        + hiddenDecision.id())));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("errors").findValuesAsText("field")).contains("assessmentLinks");
    assertThat(refused.json().path("detail").asText())
        .contains("meeting:" + hiddenMeeting)
        .contains("decision:" + hiddenDecision.id())
        .doesNotContain("meeting:" + seenMeeting);
    assertThat(links(pid)).isZero();
    assertThat(task(pid, "Assess").getId()).isEqualTo(assess.getId());

    // from the MoU's page: the ticked items, stored with their titles
    String csrf = WebSession.csrfToken(page);
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("_csrf", csrf));
    form.add(Map.entry("links", actions.get(0)));
    form.add(Map.entry("links", "meeting:" + seenMeeting));
    form.add(Map.entry("links", "decision:" + seenDecision.id()));
    form.add(Map.entry("assessment", "Two workshops and a joint housing report."));
    form.add(Map.entry("recommendation", "renew-as-is"));
    var sent = focalPoint.postForm("/partnerships/" + id + "/assessment", form);
    assertThat(sent.statusCode()).as(sent.body()).isIn(302, 303);
    assertThat(links(pid)).isEqualTo(3);

    // the Secretary General reads them by title, on the decision's task and on the MoU's page
    Task decide = task(pid, "Decide");
    assertThat(String.valueOf(tasks.getVariable(decide.getId(), "linkedMeetings")))
        .isEqualTo(seenMeeting + " · Housing with UN-Habitat");
    WebSession sg = new WebSession(port);
    sg.login("sg", "demo");
    String taskPage = sg.get("/tasks/" + decide.getId()).body();
    assertThat(taskPage)
        .contains(seenMeeting + " · Housing with UN-Habitat")
        .contains("Joint housing report, UN-Habitat " + marker)
        .contains("Reuniones");
    String mouPage = sg.get("/partnerships/" + id).body();
    String renewals = mouPage.substring(mouPage.indexOf("id=\"renewals\""));
    assertThat(renewals)
        .contains("Housing with UN-Habitat")
        .contains("Joint housing report, UN-Habitat " + marker)
        .doesNotContain("decision:" + seenDecision.id());
    assertThat(
            api.get("sg", "/api/v1/mous/" + id)
                .json()
                .path("cited")
                .path(pid)
                .findValuesAsText("title"))
        .hasSize(3);
  }

  private long register(MouHttp api, String title) {
    return api.register("partner-un-habitat", title, FOCAL_POINT, "en");
  }

  /** A meeting row as the meetings module stores it (its process is not what is tested here). */
  private String meeting(String key, String body, String title) {
    Instant start = Instant.now().minus(Duration.ofDays(30));
    jdbc.update(
        "insert into meeting (business_key, process_instance_id, body_id, title, starts_at,"
            + " ends_at, time_zone, location, languages, status, sequence, circulated_late,"
            + " created_at) values (?, ?, ?, ?, ?, ?, 'Europe/Brussels', 'Brussels', 'en',"
            + " 'held', 0, false, ?)",
        key,
        "none-" + key,
        body,
        title,
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofHours(3))),
        Timestamp.from(start));
    return key;
  }

  private Decision decision(String body, String subject) {
    return register.record(
        new NewDecision(
            body,
            null,
            null,
            null,
            subject,
            "adopted",
            null,
            List.of(),
            null,
            null,
            null,
            Instant.now(),
            "officer"));
  }

  private int links(String pid) {
    return jdbc.queryForObject(
        "select count(*) from partnership_assessment_link where process_instance_id = ?",
        Integer.class,
        pid);
  }

  private Task task(String pid, String step) {
    return MouHttp.task(tasks, pid, step);
  }
}
