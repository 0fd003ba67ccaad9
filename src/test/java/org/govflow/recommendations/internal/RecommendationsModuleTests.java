package org.govflow.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.govflow.directory.AccessRole;
import org.govflow.inbox.Launchpad;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The recommendations module on its own with what it depends on (no meetings, no notifications): a
 * launch stores the draft as version 1 of a document, after the launch commits, and the process
 * keeps only its id and version, never the text.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class RecommendationsModuleTests {

  private static final Caller OFFICER =
      new Caller("officer", Set.of("secretariat"), Set.of(AccessRole.SECRETARIAT));

  @Autowired Launchpad launchpad;
  @Autowired RecommendationViews views;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationContext context;

  @Test
  void aLaunchStoresTheDraftAsADocumentVersion(Scenario scenario) {
    assertThat(context.getBeansOfType(org.govflow.notifications.Notifications.class)).isEmpty();
    assertThat(context.getBeansOfType(org.govflow.meetings.Meetings.class)).isEmpty();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("council", "council-right-to-city");
    values.put("title", "Module test: water as a commons");
    values.put("summary", "Cities recommend that water be managed as a commons.");
    values.put("document", "# Water as a commons\n\nDraft text of the recommendation.\n");
    values.put("sections", List.of("section-africa"));
    values.put("consultationDays", 15);
    StartedProcess[] launched = new StartedProcess[1];

    scenario
        .stimulate(
            () ->
                launched[0] =
                    launchpad.launch(
                        OFFICER,
                        "policy-recommendation",
                        values,
                        Locale.ENGLISH,
                        ZoneId.of("Europe/Madrid")))
        .andWaitForStateChange(() -> versions(launched[0].businessKey()), v -> !v.isEmpty())
        .andVerify(
            versions -> {
              assertThat(versions).hasSize(1);
              assertThat(versions.get(0).sha256()).hasSize(64);
              assertThat(runtime.getVariable(launched[0].id(), "document")).isNull();
            });
    runtime.deleteProcessInstance(launched[0].id(), "module test done");
  }

  /** The stored versions; none while the draft is not stored yet (the record comes with it). */
  private List<RecommendationDetails.Version> versions(String businessKey) {
    try {
      return views.details(OFFICER.participant(), businessKey).versions();
    } catch (Refusal notYet) {
      return List.of();
    }
  }
}
