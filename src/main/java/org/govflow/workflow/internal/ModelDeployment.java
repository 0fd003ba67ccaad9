package org.govflow.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.govflow.workflow.ModelRejectedException;
import org.govflow.workflow.WorkflowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything in bpmn/ and forms/ as one deployment at start-up, before requests are served.
 * Camunda's duplicate filtering deploys only the resources that changed since the last start. We
 * deploy ourselves rather than through the starter's auto-deployment because that one leaves out
 * .form files and names resources by absolute path.
 */
@Component
public class ModelDeployment implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repository;
  private final WorkflowSettings settings;
  private final ResourcePatternResolver resolver;

  ModelDeployment(RepositoryService repository, WorkflowSettings settings) {
    this.repository = repository;
    this.settings = settings;
    this.resolver = new PathMatchingResourcePatternResolver(ModelDeployment.class.getClassLoader());
  }

  /** The same deployer reading other locations (a test's broken models, say). */
  public ModelDeployment withLocations(java.util.List<String> locations) {
    return new ModelDeployment(
        repository,
        new WorkflowSettings(settings.deploymentName(), locations, settings.contributorSteps()));
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  /**
   * Deploys the models; returns the new deployment's id, or null when nothing had changed.
   *
   * @throws ModelRejectedException with the engine's message when Camunda rejects a model
   */
  public String deploy() {
    Map<String, byte[]> models = models();
    if (models.isEmpty()) {
      log.warn("No models found at {}", settings.modelLocations());
      return null;
    }
    DeploymentBuilder builder =
        repository
            .createDeployment()
            .name(settings.deploymentName())
            .source("govflow")
            .enableDuplicateFiltering(true);
    models.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    try {
      long before = deployments();
      DeploymentWithDefinitions deployment = builder.deployWithResult();
      if (deployments() == before) {
        log.info("Models unchanged: {} resource(s) already deployed", models.size());
        return null;
      }
      log.info(
          "Models deployed: {} resource(s) checked, deployment {}",
          models.size(),
          deployment.getId());
      return deployment.getId();
    } catch (ParseException e) {
      // the engine's message already lists every problem with its resource, line and column
      throw new ModelRejectedException("Camunda rejected a model: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ModelRejectedException("Camunda rejected a model: " + e.getMessage(), e);
    }
  }

  private long deployments() {
    return repository.createDeploymentQuery().deploymentName(settings.deploymentName()).count();
  }

  /** Resource name (bpmn/x.bpmn, forms/y.form) to content, in a stable order. */
  Map<String, byte[]> models() {
    Map<String, byte[]> models = new TreeMap<>();
    for (String pattern : settings.modelLocations()) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          models.put(relativeName(resource), read(resource));
        }
      } catch (IOException e) {
        throw new ModelRejectedException(
            "Cannot read models at " + pattern + ": " + e.getMessage(), e);
      }
    }
    return models;
  }

  private static String relativeName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    for (String folder : new String[] {"/bpmn/", "/forms/"}) {
      int at = url.lastIndexOf(folder);
      if (at >= 0) {
        return url.substring(at + 1);
      }
    }
    return resource.getFilename();
  }

  private static byte[] read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
