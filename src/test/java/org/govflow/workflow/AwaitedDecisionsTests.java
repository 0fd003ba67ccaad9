package org.govflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.govflow.support.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract between a process awaiting a body's decision and the meeting that decides. */
@Tag("process")
class AwaitedDecisionsTests {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  private ProcessEngine engine;
  private AwaitedDecisions awaited;
  private String deployment;

  @BeforeEach
  void deployAWaitingProcess() {
    engine = extension.getProcessEngine();
    awaited = new AwaitedDecisions(engine.getRuntimeService(), engine.getRepositoryService());
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("awaits-decision")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Await")
            .message(AwaitedDecisions.MESSAGE)
            .endEvent()
            .done();
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("awaits.bpmn", model)
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void listsWhatAwaitsTheBodyAndGivesItTheDecision() {
    ProcessInstance first = start("REC-RTC-2030-001", "world-council", "Right to housing");
    start("REC-SRC-2030-001", "executive-bureau", "Not for the World Council");
    ProcessInstance second = start("REC-RTC-2030-002", "world-council", "Public space");

    assertThat(awaited.awaiting("world-council"))
        .extracting(AwaitedDecision::businessKey, AwaitedDecision::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("REC-RTC-2030-001", "Right to housing"),
            org.assertj.core.groups.Tuple.tuple("REC-RTC-2030-002", "Public space"));
    assertThat(awaited.awaiting("world-council").get(0))
        .satisfies(
            a -> {
              assertThat(a.processKey()).isEqualTo("awaits-decision");
              assertThat(a.documentSha256()).isEqualTo("ab".repeat(32));
              assertThat(a.since()).isNotNull();
            });

    assertThat(awaited.decide("REC-RTC-2030-001", "adopted", 42L, "WC-2030-01")).isTrue();

    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(first.getId())
                .variableName(AwaitedDecisions.OUTCOME)
                .singleResult()
                .getValue())
        .isEqualTo("adopted");
    assertThat(awaited.awaiting("world-council"))
        .extracting(AwaitedDecision::processInstanceId)
        .containsExactly(second.getId());
    // decided already, or never waiting: refused, nothing changes
    assertThat(awaited.decide("REC-RTC-2030-001", "rejected", null, "WC-2030-02")).isFalse();
    assertThat(awaited.decide("REC-XXX-2030-009", "adopted", null, "WC-2030-02")).isFalse();
  }

  private ProcessInstance start(String businessKey, String body, String subject) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "awaits-decision",
            businessKey,
            Map.of(
                AwaitedDecisions.AWAITED_BODY,
                body,
                AwaitedDecisions.AWAITED_SUBJECT,
                subject,
                AwaitedDecisions.AWAITED_DOCUMENT_SHA256,
                "ab".repeat(32)));
  }
}
