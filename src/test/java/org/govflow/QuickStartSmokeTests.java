package org.govflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.govflow.support.WebSession;
import org.govflow.workflow.Tasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quick start as {@code ./mvnw spring-boot:run} runs it: the embedded H2 file database (here a
 * fresh one under target/ instead of ./data) and the demo organisation.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:file:./target/smoke-h2/${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.generate-unique-process-application-name=true"
    })
@ActiveProfiles("demo")
class QuickStartSmokeTests {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired Tasks tasks;
  @Autowired TransactionTemplate transaction;

  @Test
  void servesTheLoginPageAndLetsThePresidentIn() {
    WebSession browser = new WebSession(port);
    assertThat(browser.get("/login").statusCode()).isEqualTo(200);

    browser.login("president", "demo");
    HttpResponse<String> me = browser.get("/api/v1/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"id\":\"presidency\"");
  }

  @Test
  void aSubmissionHoldsItsTaskAndReadsItsBodiesOnH2Too() {
    // the demo organisation's open tasks: each held as a submission holds it, read with its bodies
    List<Task> open = taskService.createTaskQuery().active().list();
    assertThat(open).isNotEmpty();
    for (Task task : open) {
      Tasks.Held held = transaction.execute(status -> tasks.hold(task.getId()).orElseThrow());
      assertThat(held.task().id()).isEqualTo(task.getId());
      assertThat(held.task().processInstanceId()).isEqualTo(task.getProcessInstanceId());
      assertThat(held.groups())
          .containsExactlyElementsOf(
              taskService.getIdentityLinksForTask(task.getId()).stream()
                  .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                  .map(IdentityLink::getGroupId)
                  .filter(Objects::nonNull)
                  .sorted()
                  .toList());
    }
    Optional<Tasks.Held> unknown = transaction.execute(status -> tasks.hold("no-such-task"));
    assertThat(unknown).isEmpty();
  }
}
