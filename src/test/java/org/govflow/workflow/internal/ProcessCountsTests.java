package org.govflow.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Process starts and ends counted from the engine's history events, once each, after commit. */
class ProcessCountsTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ProcessEngine engine;

  @BeforeEach
  void engine() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registry", registry));
    StandaloneInMemProcessEngineConfiguration config =
        new StandaloneInMemProcessEngineConfiguration();
    config
        .setJdbcUrl("jdbc:h2:mem:process-counts;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(HistoryLevel.HISTORY_LEVEL_FULL.getName())
        .setProcessEngineName("process-counts");
    config.setProcessEnginePlugins(
        List.of(new ProcessCounts(beans.getBeanProvider(MeterRegistry.class))));
    engine = config.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "waits.bpmn",
            Bpmn.createExecutableProcess("waits")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait")
                .endEvent()
                .done())
        .addModelInstance(
            "fails.bpmn",
            Bpmn.createExecutableProcess("fails")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Fail")
                .camundaExpression("${nothing.here()}")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void countsStartsAndEndsByProcessAndHowTheyEnded() {
    RuntimeService runtime = engine.getRuntimeService();
    String completed = runtime.startProcessInstanceByKey("waits").getId();
    String deleted = runtime.startProcessInstanceByKey("waits").getId();
    runtime.startProcessInstanceByKey("waits");
    runtime.signal(completed);
    runtime.deleteProcessInstance(deleted, "withdrawn");

    assertThat(count("govflow.process.started", "process", "waits")).isEqualTo(3);
    assertThat(count("govflow.process.ended", "process", "waits", "state", "completed"))
        .isEqualTo(1);
    assertThat(count("govflow.process.ended", "process", "waits", "state", "deleted")).isEqualTo(1);
    assertThat(registry.find("govflow.process.ended").counters())
        .as(String.valueOf(registry.getMetersAsString()))
        .hasSize(2);
  }

  @Test
  void aStartThatRollsBackCountsNothing() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("fails"))
        .isNotNull();

    assertThat(registry.find("govflow.process.started").counters()).isEmpty();
    assertThat(registry.find("govflow.process.ended").counters()).isEmpty();
  }

  private double count(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    assertThat(counter)
        .as(name + " " + String.join(",", tags) + " in\n" + registry.getMetersAsString())
        .isNotNull();
    return counter.count();
  }
}
