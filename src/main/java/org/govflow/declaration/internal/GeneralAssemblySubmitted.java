package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Component;

/**
 * Submits the translated declaration to the General Assembly: its meetings list what awaits them by
 * these variables (AwaitedDecisions) and put it on their agenda; the wait escalates after the
 * configured time.
 */
@Component("generalAssemblySubmitted")
record GeneralAssemblySubmitted(DeclarationTexts texts, DeclarationSettings settings)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    texts.stage(execution.getProcessInstanceId(), Stage.ADOPTION);
    execution.setVariables(
        Map.of(
            AwaitedDecisions.AWAITED_BODY,
            GENERAL_ASSEMBLY,
            AwaitedDecisions.AWAITED_SUBJECT,
            execution.getVariable(TITLE),
            AwaitedDecisions.AWAITED_DOCUMENT_SHA256,
            execution.getVariable(VERSION_SHA256),
            ESCALATION,
            settings.generalAssemblyEscalation().toString()));
  }
}
