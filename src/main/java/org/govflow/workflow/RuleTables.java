package org.govflow.workflow;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The rule tables (DMN) deployed from {@code bpmn/}: evaluated by key with the variables they read,
 * and the deployed version the register names when it records which rule applied. A bean in the
 * application; a delegate asks {@link #of(DelegateExecution)} for the engine it runs in.
 */
public class RuleTables {

  private final DecisionService decisions;
  private final RepositoryService repository;

  public RuleTables(ProcessEngine engine) {
    this(engine.getDecisionService(), engine.getRepositoryService());
  }

  private RuleTables(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The rule tables of the engine an execution runs in. */
  public static RuleTables of(DelegateExecution execution) {
    return new RuleTables(
        execution.getProcessEngineServices().getDecisionService(),
        execution.getProcessEngineServices().getRepositoryService());
  }

  /** The single output of the table's single matching row, as a plain Java value. */
  public Object single(String decisionKey, Map<String, ?> variables) {
    return decisions
        .evaluateDecisionTableByKey(decisionKey, Variables.fromMap(copy(variables)))
        .getSingleResult()
        .getSingleEntry();
  }

  /** Every output of the table's single matching row, by output name (empty if none matched). */
  public Map<String, Object> row(String decisionKey, Map<String, ?> variables) {
    var result =
        decisions
            .evaluateDecisionTableByKey(decisionKey, Variables.fromMap(copy(variables)))
            .getSingleResult();
    return result == null ? Map.of() : result.getEntryMap();
  }

  /** The latest deployed version of the table, 0 when none is deployed. */
  public int latestVersion(String decisionKey) {
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult();
    return definition == null ? 0 : definition.getVersion();
  }

  private static Map<String, Object> copy(Map<String, ?> variables) {
    return new java.util.HashMap<>(variables);
  }
}
