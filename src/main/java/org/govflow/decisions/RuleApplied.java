package org.govflow.decisions;

/** The DMN decision (key and deployed version) that said whether quorum and majority were met. */
public record RuleApplied(String key, int version) {}
