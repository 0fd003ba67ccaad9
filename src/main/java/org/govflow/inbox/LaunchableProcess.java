package org.govflow.inbox;

/** A process the caller may start, named in their language, with its start form. */
public record LaunchableProcess(String key, String name, String startFormId) {}
