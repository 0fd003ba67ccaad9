package org.govflow.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.govflow.support.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/document-approval.bpmn: both paths, the routing and the due date. */
@Tag("process")
@Deployment(
    resources = {
      "bpmn/document-approval.bpmn",
      "forms/document-approval-start.form",
      "forms/document-approval-review.form"
    })
class DocumentApprovalProcessTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.postgres()).build();

  @BeforeEach
  void useThisEngine() {
    // other engines (the Spring tests') may live in the same JVM
    BpmnAwareTests.init(engine.getProcessEngine());
  }

  @Test
  void theChosenBodyApprovesTheDocument() {
    ProcessInstance pi = start("council-right-to-city", "2030-03-15");

    assertThat(pi).isWaitingAt("ReviewDocument");
    assertThat(task()).hasCandidateGroup("council-right-to-city").isNotAssigned();
    assertThat(task())
        // the day picked in the start form, at 18:00 in Madrid, the secretariat's close of business
        .hasDueDate(Date.from(Instant.parse("2030-03-15T17:00:00Z")));
    Task withForm =
        taskService().createTaskQuery().taskId(task().getId()).initializeFormKeys().singleResult();
    org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getKey())
        .isEqualTo("document-approval-review");

    complete(task(), withVariables("decision", "approve", "reviewComment", "Well argued."));

    assertThat(pi)
        .hasPassedInOrder(
            "DocumentSubmitted", "ReviewDocument", "ApprovedGateway", "DocumentApproved")
        .hasNotPassed("DocumentRejected")
        .isEnded();
  }

  @Test
  void theChosenBodyRejectsTheDocument() {
    ProcessInstance pi = start("executive-bureau", "2030-01-10");
    assertThat(pi).isWaitingAt("ReviewDocument");
    assertThat(task()).hasCandidateGroup("executive-bureau");

    complete(task(), withVariables("decision", "reject", "reviewComment", "Out of mandate."));

    assertThat(pi).hasPassed("DocumentRejected").hasNotPassed("DocumentApproved").isEnded();
  }

  private static ProcessInstance start(String body, String respondBy) {
    return runtimeService()
        .startProcessInstanceByKey(
            "document-approval",
            withVariables(
                "title",
                "Local finance brief",
                "summary",
                "For approval before the World Council",
                "approvingBody",
                body,
                "respondBy",
                respondBy));
  }
}
