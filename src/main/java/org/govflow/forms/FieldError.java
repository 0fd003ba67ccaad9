package org.govflow.forms;

/** A submitted value the form refuses, with a message in the reader's language. */
public record FieldError(String field, String message) {}
