/** The Camunda glue: deploying the models, launching processes, shared variable names. */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
package org.govflow.workflow;
