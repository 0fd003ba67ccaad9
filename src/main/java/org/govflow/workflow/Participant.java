package org.govflow.workflow;

import java.util.Set;

/**
 * Someone asking about a process: their directory id, the bodies they act for, and whether they
 * oversee every process (the secretariat and leadership).
 */
public record Participant(String personId, Set<String> bodies, boolean overseesAll) {}
