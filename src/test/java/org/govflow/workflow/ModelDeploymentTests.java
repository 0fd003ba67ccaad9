package org.govflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.govflow.support.IntegrationTest;
import org.govflow.workflow.internal.ModelDeployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/ and forms/ reach the engine as one deployment, only when something changed. */
@IntegrationTest
class ModelDeploymentTests {

  @Autowired RepositoryService repository;
  @Autowired ModelDeployment deployment;

  @Test
  void modelsAndFormsAreDeployedTogetherAtStartUp() {
    Deployment latest =
        repository
            .createDeploymentQuery()
            .deploymentName("govflow")
            .orderByDeploymentTime()
            .desc()
            .list()
            .get(0);

    List<String> resources = repository.getDeploymentResourceNames(latest.getId());
    assertThat(resources)
        .contains(
            "bpmn/document-approval.bpmn",
            "forms/document-approval-start.form",
            "forms/document-approval-review.form");
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("document-approval")
                .count())
        .isEqualTo(1);
  }

  @Test
  void deployingAgainWithoutChangesCreatesNothing() {
    long before = repository.createDeploymentQuery().count();

    assertThat(deployment.deploy()).isNull();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aModelTheEngineRejectsFailsWithTheEnginesMessage() {
    ModelDeployment broken =
        deployment.withLocations(List.of("classpath*:broken-models/bpmn/*.bpmn"));
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(broken::deploy)
        .isInstanceOf(ModelRejectedException.class)
        .hasMessageContaining("Camunda rejected a model")
        .hasMessageContaining("historyTimeToLive")
        .hasMessageContaining("bpmn/no-history-ttl.bpmn");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }
}
