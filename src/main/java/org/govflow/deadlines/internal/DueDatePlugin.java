package org.govflow.deadlines.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model a due date when it is created, without a line in the BPMN.
 *
 * <p>An engine plugin with a parse listener rather than the Spring Boot starter's event bridge: the
 * listener is added as a <em>built-in</em> task listener, so it runs before the model's own
 * listeners, cannot be switched off by {@code camunda.bpm.eventing.task=false}, and is not skipped
 * when an operator starts or modifies an instance with "skip custom listeners" in Cockpit.
 */
@Component
class DueDatePlugin extends AbstractProcessEnginePlugin {

  private final TaskCreationListener listener;

  DueDatePlugin(TaskCreationListener listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new UserTaskParseListener());
  }

  private final class UserTaskParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask
            .getTaskDefinition()
            .addBuiltInTaskListener(
                TaskListener.EVENTNAME_CREATE,
                listener.forTask(processKey(activity), activity.getId()));
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
