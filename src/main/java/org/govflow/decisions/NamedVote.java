package org.govflow.decisions;

/** One member's vote, where the statutes make votes named. */
public record NamedVote(String personId, String vote) {}
