/**
 * Camunda Forms (.form JSON) on the server: reads the schemas, renders them with Thymeleaf, and
 * validates submitted values against the same schema, in the reader's language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package org.govflow.forms;
