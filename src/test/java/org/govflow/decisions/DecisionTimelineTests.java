package org.govflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.govflow.support.IntegrationTest;
import org.govflow.support.WebSession;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The decision page's timeline names the process's steps in the reader's language. */
@IntegrationTest
class DecisionTimelineTests {

  @LocalServerPort int port;
  @Autowired Processes processes;
  @Autowired TaskService tasks;
  @Autowired DecisionRegister register;

  @Test
  void stepsAreNamedInFrenchAndSpanish() {
    StartedProcess started =
        processes.start(
            "document-approval",
            Map.of(
                "title", "Timeline",
                "summary", "s",
                "approvingBody", "council-right-to-city",
                "respondBy", "2099-01-01"),
            "officer");
    String task = tasks.createTaskQuery().processInstanceId(started.id()).singleResult().getId();
    tasks.complete(task, Map.of("decision", "reject"));
    Decision decision =
        register.record(
            new NewDecision(
                "council-right-to-city",
                "document-approval",
                started.id(),
                started.businessKey(),
                "Timeline " + started.businessKey(),
                "rejected",
                null,
                List.of(),
                null,
                null,
                null,
                // nanoseconds, as Instant.now() may give: the chain must still verify
                Instant.parse("2026-11-24T10:00:00.123456789Z"),
                "officer"));
    assertThat(decision.content().decidedAt()).isEqualTo("2026-11-24T10:00:00.123456Z");
    assertThat(register.verify().intact()).as(register.verify().toString()).isTrue();

    // amina.diallo (co-president) reads French, ana.belmonte (the council's co-chair) Spanish
    WebSession french = new WebSession(port);
    french.login("amina.diallo", "demo");
    assertThat(french.get("/decisions/" + decision.id()).body())
        .contains("Document soumis", "Examiner le document", "Document rejeté")
        .doesNotContain("Review the document", "Document submitted");

    WebSession spanish = new WebSession(port);
    spanish.login("ana.belmonte", "demo");
    assertThat(spanish.get("/decisions/" + decision.id()).body())
        .contains("Documento rechazado")
        .doesNotContain("Review the document", "Document rejected");
  }
}
