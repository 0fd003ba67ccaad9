package org.govflow.workflow;

/** A process just started: the engine's id and the business key people read. */
public record StartedProcess(String id, String businessKey) {}
