package org.govflow.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.govflow.workflow.ProcessEndHooks;
import org.govflow.workflow.ProcessStartHooks;
import org.govflow.workflow.UserTaskHooks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Calls the modules' {@link UserTaskHooks} on every user task's creation and their {@link
 * ProcessEndHooks} at every top-level end event (or when an instance is deleted before it reaches
 * one) and their {@link ProcessStartHooks} when an instance starts, and checks who completes a user
 * task ({@link RoutedCompletion}), as <em>built-in</em> listeners added by a parse listener: they
 * run before the model's own listeners and cannot be switched off or skipped.
 */
@Component
class EngineHooks extends AbstractProcessEnginePlugin {

  // looked up at the first task or end, long after the engine (which builds this plugin) is up
  private final Supplier<List<UserTaskHooks>> onCreate;
  private final Supplier<List<ProcessEndHooks>> onEnd;
  private final Supplier<List<ProcessStartHooks>> onStart;

  EngineHooks(
      ObjectProvider<UserTaskHooks> taskHooks,
      ObjectProvider<ProcessEndHooks> endHooks,
      ObjectProvider<ProcessStartHooks> startHooks) {
    this.onCreate = SingletonSupplier.of(() -> taskHooks.orderedStream().toList());
    this.onEnd = SingletonSupplier.of(() -> endHooks.orderedStream().toList());
    this.onStart = SingletonSupplier.of(() -> startHooks.orderedStream().toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Hooks());
    // outermost, so that a refused completion leaves the transaction rolled back
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(0, new RoutedCompletionRefusals());
  }

  private final class Hooks extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity definition) {
      String key = definition.getKey();
      definition.addBuiltInListener(
          ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> onStart.get().forEach(h -> h.started(execution, key)));
      // an instance deleted from outside its model (a meeting called off, an MoU ended, an
      // operator in Cockpit) reaches no end event: told apart by being cancelled
      definition.addBuiltInListener(
          ExecutionListener.EVENTNAME_END,
          (ExecutionListener)
              execution -> {
                if (execution.isCanceled()) {
                  String reason =
                      execution instanceof PvmExecutionImpl pvm ? pvm.getDeleteReason() : null;
                  onEnd.get().forEach(h -> h.cancelled(execution, key, reason));
                }
              });
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        String processKey = processKey(activity);
        String taskKey = activity.getId();
        userTask
            .getTaskDefinition()
            .addBuiltInTaskListener(
                TaskListener.EVENTNAME_CREATE,
                task -> onCreate.get().forEach(h -> h.created(task, processKey, taskKey)));
        userTask
            .getTaskDefinition()
            .addBuiltInTaskListener(
                TaskListener.EVENTNAME_COMPLETE,
                new RoutedCompletion(userTask.getTaskDefinition()));
      }
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (scope instanceof ProcessDefinitionEntity definition) {
        String key = definition.getKey();
        String process = definition.getName() == null ? key : definition.getName();
        String name = element.attribute("name");
        String outcome = name == null || name.isBlank() ? activity.getId() : name;
        String endId = activity.getId();
        activity.addBuiltInListener(
            ExecutionListener.EVENTNAME_END,
            (ExecutionListener)
                execution ->
                    onEnd.get().forEach(h -> h.ended(execution, key, endId, process, outcome)));
      }
    }

    private static String processKey(ActivityImpl activity) {
      // at parse time the definition's id is still the process element's id, which is its key
      return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          ? definition.getKey()
          : activity.getProcessDefinition().getId();
    }
  }
}
