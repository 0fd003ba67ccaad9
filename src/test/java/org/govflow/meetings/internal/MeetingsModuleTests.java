package org.govflow.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govflow.meetings.internal.MeetingFixtures.MADRID;
import static org.govflow.meetings.internal.MeetingFixtures.OFFICER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RuntimeService;
import org.govflow.inbox.Launchpad;
import org.govflow.meetings.MeetingCancelled;
import org.govflow.meetings.MeetingStatus;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The meetings module on its own with what it depends on, without notifications, deadlines or the
 * other process modules: a meeting called off says so with its own event, whoever listens.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class MeetingsModuleTests {

  @Autowired Launchpad launchpad;
  @Autowired MeetingChanges changes;
  @Autowired MeetingRepository meetings;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationContext context;

  private final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    MeetingFixtures.deleteRunning(runtime, started);
  }

  @Test
  void aMeetingCalledOffPublishesMeetingCancelled(Scenario scenario) {
    // the module runs without the modules that listen to it
    assertThat(context.getBeansOfType(org.govflow.notifications.Notifications.class)).isEmpty();
    LocalDate day = LocalDate.now(MADRID).plusDays(60);
    StartedProcess meeting =
        launchpad.launch(
            OFFICER,
            "statutory-meeting",
            MeetingFixtures.worldCouncilLaunch(
                "World Council, called off in the module test", day + "T10:00", day + "T12:00"),
            Locale.ENGLISH,
            MADRID);
    started.add(meeting.id());
    String key = meeting.businessKey();

    scenario
        .stimulate(() -> changes.cancel(OFFICER, key, "Venue unavailable", true, Locale.ENGLISH))
        .andWaitForEventOfType(MeetingCancelled.class)
        .matching(e -> e.meeting().businessKey().equals(key))
        .toArriveAndVerify(
            e -> {
              assertThat(e.membersConvened()).isFalse();
              assertThat(meetings.find(key).orElseThrow().status())
                  .isEqualTo(MeetingStatus.CANCELLED);
              assertThat(
                      runtime.createProcessInstanceQuery().processInstanceId(meeting.id()).count())
                  .isZero();
            });
  }
}
