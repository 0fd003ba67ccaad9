package org.govflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.govflow.support.IntegrationTest;
import org.govflow.support.MovesTheClock;
import org.govflow.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's figures against processes whose timing the test controls. */
@IntegrationTest
@MovesTheClock
class DashboardTests {

  private static final String BODY = "council-resilient-cities";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Dashboard dashboard;
  @LocalServerPort int port;

  // a process of this test's own, so other tests' instances do not change its figures
  private final String key = "dashboard-test-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void deploy() {
    repository
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .name("Dashboard test")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("Review")
                .name("Review it")
                .camundaCandidateGroups(BODY)
                .camundaDueDate("${due}")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void cycleTimesAreTheMedianAndNinetiethPercentileOfFinishedWork() {
    Instant start = Instant.now().minus(Duration.ofDays(40));
    for (int days : new int[] {1, 2, 10}) {
      ClockUtil.setCurrentTime(Date.from(start));
      String pi =
          runtime
              .startProcessInstanceByKey(
                  key, Map.of("due", Date.from(start.plus(Duration.ofDays(5)))))
              .getId();
      ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(days))));
      tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId());
    }
    ClockUtil.reset();

    DashboardSnapshot snapshot = dashboard.snapshot(Duration.ofDays(365), Locale.ENGLISH);

    org.govflow.workflow.ProcessStatistics.CycleTime whole =
        snapshot.cycleTimeByProcess().stream()
            .filter(c -> c.processKey().equals(key))
            .findFirst()
            .orElseThrow();
    assertThat(whole.finished()).isEqualTo(3);
    assertThat(whole.medianHours()).isCloseTo(48.0, within(0.01));
    // linear interpolation between 2 and 10 days at 0.9 * (3 - 1) = 1.8: 2 + 0.8 * 8 = 8.4 days
    assertThat(whole.p90Hours()).isCloseTo(8.4 * 24, within(0.01));
    org.govflow.workflow.ProcessStatistics.CycleTime step =
        snapshot.cycleTimeByStep().stream()
            .filter(c -> c.processKey().equals(key))
            .findFirst()
            .orElseThrow();
    assertThat(step.stepName()).isEqualTo("Review it");
    assertThat(step.medianHours()).isCloseTo(48.0, within(0.01));

    DashboardSnapshot lastWeek = dashboard.snapshot(Duration.ofDays(7), Locale.ENGLISH);
    assertThat(lastWeek.cycleTimeByProcess()).noneMatch(c -> c.processKey().equals(key));
  }

  @Test
  void runningOverdueAndComingDueWorkIsCounted() {
    DashboardSnapshot before = dashboard.snapshot(Duration.ofDays(365), Locale.ENGLISH);
    Instant now = Instant.now();
    runtime.startProcessInstanceByKey(
        key, "LATE-1", Map.of("due", Date.from(now.minus(Duration.ofDays(2)))));
    runtime.startProcessInstanceByKey(
        key, "LATE-2", Map.of("due", Date.from(now.minus(Duration.ofHours(3)))));
    runtime.startProcessInstanceByKey(
        key, "SOON-1", Map.of("due", Date.from(now.plus(Duration.ofDays(3)))));

    DashboardSnapshot after = dashboard.snapshot(Duration.ofDays(365), Locale.ENGLISH);

    assertThat(count(after.runningByProcess(), key)).isEqualTo(3);
    assertThat(after.runningByProcess())
        .anyMatch(c -> c.key().equals(key) && c.label().equals("Dashboard test"));
    assertThat(after.runningByStep())
        .anyMatch(s -> s.processKey().equals(key) && s.stepId().equals("Review") && s.count() == 3);
    assertThat(count(after.overdueByBody(), BODY) - count(before.overdueByBody(), BODY))
        .isEqualTo(2);
    assertThat(after.overdueByBody())
        .anyMatch(c -> c.key().equals(BODY) && c.label().startsWith("Policy Council on Safer"));
    assertThat(count(after.overdueByRegion(), "global") - count(before.overdueByRegion(), "global"))
        .isEqualTo(2);
    assertThat(after.upcomingDeadlines())
        .anyMatch(d -> "SOON-1".equals(d.businessKey()) && BODY.equals(d.body()));
    assertThat(after.upcomingDeadlines()).noneMatch(d -> "LATE-1".equals(d.businessKey()));
  }

  @Test
  void onlyLeadershipAndTheSecretariatOpenTheDashboard() {
    WebSession script = new WebSession(port);

    assertThat(script.getAs("ana.belmonte", "demo", "/api/v1/dashboard").statusCode())
        .isEqualTo(403);
    assertThat(script.getAs("sg", "demo", "/api/v1/dashboard").statusCode()).isEqualTo(200);
    assertThat(script.getAs("officer", "demo", "/api/v1/dashboard?days=0").statusCode())
        .isEqualTo(400);
    WebSession president = new WebSession(port);
    president.login("president", "demo");
    assertThat(president.get("/dashboard").body()).contains("Running processes", "<svg");
  }

  @Test
  void theQuickStartsWorldCouncilIsAmongTheUpcomingMeetings() {
    DashboardSnapshot snapshot =
        dashboard.snapshot(Duration.ofDays(365), Locale.forLanguageTag("es"));
    DashboardSnapshot.Meeting council =
        snapshot.upcomingMeetings().stream()
            .filter(m -> m.title().equals("World Council, ordinary session"))
            .findFirst()
            .orElseThrow();
    assertThat(council.bodyId()).isEqualTo("world-council");
    assertThat(council.bodyName()).isEqualTo("Consejo Mundial");
    assertThat(council.status()).isEqualTo("convened");
    assertThat(council.start()).isAfter(java.time.Instant.now());
    assertThat(snapshot.upcomingMeetings())
        .isSortedAccordingTo(java.util.Comparator.comparing(DashboardSnapshot.Meeting::start));

    // the president reads it in her time zone (Istanbul), here in French, with a link to it
    WebSession president = new WebSession(port);
    president.login("president", "demo");
    String page = president.get("/dashboard?lang=fr").body();
    String start =
        java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (z)", Locale.FRENCH)
            .format(council.start().atZone(java.time.ZoneId.of("Europe/Istanbul")));
    assertThat(page)
        .contains(
            "Prochaines réunions",
            "Conseil mondial",
            "href=\"/meetings/" + council.businessKey() + "\"",
            start,
            "Convoquée");
  }

  private static long count(java.util.List<DashboardSnapshot.Count> counts, String key) {
    return counts.stream()
        .filter(c -> c.key().equals(key))
        .mapToLong(DashboardSnapshot.Count::count)
        .sum();
  }
}
