package org.govflow.workflow;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from.
 *
 * @param deploymentName the name of the one deployment that holds every model
 * @param modelLocations resource patterns of the BPMN, DMN and form files deployed at start-up
 * @param contributorSteps the user tasks ({@code processKey:taskKey}) that ask a body for a
 *     contribution without making it a participant of the process: its members see and act on their
 *     own task, not the process's documents, timeline or comments (docs/security.md)
 */
@ConfigurationProperties("govflow.workflow")
public record WorkflowSettings(
    @DefaultValue("govflow") String deploymentName,
    @DefaultValue({
          "classpath*:bpmn/**/*.bpmn",
          "classpath*:bpmn/**/*.dmn",
          "classpath*:forms/**/*.form"
        })
        List<String> modelLocations,
    @DefaultValue("statutory-meeting:ProposeAgendaItems") List<String> contributorSteps) {}
