package org.govflow.workflow.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts process instances started and ended on this node, by process and (for ends) by how they
 * ended: {@code govflow.process.started} and {@code govflow.process.ended}. Read from the engine's
 * own history events (the process instance's start and end, whatever ended it: an end event, a
 * deletion, a terminate), next to the database handler that writes them, and counted only once
 * their transaction commits, so a rolled-back start counts nothing. Counters live on each node:
 * Prometheus adds the nodes up.
 */
@Component
class ProcessCounts extends AbstractProcessEnginePlugin {

  // the registry is looked up at the first event, long after the engine (which builds this plugin)
  private final ObjectProvider<MeterRegistry> registry;

  ProcessCounts(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers();
    if (handlers == null) {
      handlers = new ArrayList<>();
      configuration.setCustomHistoryEventHandlers(handlers);
    }
    // not a bean itself: Camunda's starter would register a HistoryEventHandler bean a second time
    handlers.add(new Counting());
  }

  private void count(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity instance)) {
      return;
    }
    String process = String.valueOf(instance.getProcessDefinitionKey());
    if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      afterCommit(() -> counter("govflow.process.started", process).increment());
    } else if (event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      String state = endState(instance);
      afterCommit(() -> counter("govflow.process.ended", process, "state", state).increment());
    }
  }

  private final class Counting implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      count(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(ProcessCounts.this::count);
    }
  }

  /**
   * completed (its end), deleted (withdrawn by someone: the engine still calls it internally
   * terminated when its history event is made), or terminated (ended by the engine otherwise).
   */
  private static String endState(HistoricProcessInstanceEventEntity instance) {
    if (HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
      return "completed";
    }
    return instance.getDeleteReason() != null ? "deleted" : "terminated";
  }

  private Counter counter(String name, String process, String... tags) {
    return Counter.builder(name)
        .description(
            name.endsWith("started")
                ? "Process instances started on this node"
                : "Process instances ended on this node, by how they ended")
        .tag("process", process)
        .tags(tags)
        .register(registry.getObject());
  }

  private static void afterCommit(Runnable count) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      count.run();
    } else {
      command
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> count.run());
    }
  }
}
