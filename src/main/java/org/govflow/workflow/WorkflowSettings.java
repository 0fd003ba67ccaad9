package org.govflow.workflow;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from.
 *
 * @param deploymentName the name of the one deployment that holds every model
 * @param modelLocations resource patterns of the BPMN, DMN and form files deployed at start-up
 */
@ConfigurationProperties("govflow.workflow")
public record WorkflowSettings(
    @DefaultValue("govflow") String deploymentName,
    @DefaultValue({
          "classpath*:bpmn/**/*.bpmn",
          "classpath*:bpmn/**/*.dmn",
          "classpath*:forms/**/*.form"
        })
        List<String> modelLocations) {}
