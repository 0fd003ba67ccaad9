package org.govflow.workflow;

/**
 * A process people can start: the latest deployed version of a BPMN process with a start form.
 *
 * @param key the process key, e.g. {@code document-approval}
 * @param name the name in the model (English)
 * @param definitionId the engine's id of the latest version
 * @param startFormId the {@code camunda:formRef} of its start event, or null
 */
public record ProcessType(String key, String name, String definitionId, String startFormId) {}
