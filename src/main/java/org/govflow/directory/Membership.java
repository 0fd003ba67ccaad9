package org.govflow.directory;

/** A person's seat in a body, with their role there. */
public record Membership(String bodyId, String personId, Role role) {}
