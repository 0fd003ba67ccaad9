package org.govflow.directory;

/**
 * A body of the organisation: the Presidency, a statutory body, a Policy Council, a Section, the
 * secretariat, a partner. Its id is also the Camunda group that tasks are routed to.
 */
public record Body(String id, BodyType type, String region, LocalizedText name) {}
