package org.govflow.workplan.internal;

import java.util.List;
import org.govflow.decisions.DecisionRegister;
import org.govflow.workflow.ProcessHistory;
import org.govflow.workplan.WorkPlanLinkTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The link targets of the modules that exist: a recommendation or a meeting by its process's
 * business key (through workflow's history), a decision by its number in the register.
 */
@Configuration(proxyBeanMethods = false)
class ProcessLinkTargets {

  @Bean
  WorkPlanLinkTarget recommendationLinks(ProcessHistory history) {
    return new ProcessTarget("recommendation", "policy-recommendation", history);
  }

  @Bean
  WorkPlanLinkTarget meetingLinks(ProcessHistory history) {
    return new ProcessTarget("meeting", "statutory-meeting", history);
  }

  @Bean
  WorkPlanLinkTarget decisionLinks(DecisionRegister register) {
    return new WorkPlanLinkTarget() {
      @Override
      public String kind() {
        return "decision";
      }

      @Override
      public boolean exists(String reference) {
        try {
          return register.find(Long.parseLong(reference.trim())).isPresent();
        } catch (NumberFormatException e) {
          return false;
        }
      }
    };
  }

  private record ProcessTarget(String kind, String processKey, ProcessHistory history)
      implements WorkPlanLinkTarget {

    @Override
    public boolean exists(String reference) {
      return history.byBusinessKey(processKey, reference.trim()).isPresent();
    }

    @Override
    public List<String> suggest(String text, String partner) {
      return List.of();
    }
  }
}
