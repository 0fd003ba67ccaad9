package org.govflow.decisions;

/** Who had to be there and who was (present plus represented by proxy). */
public record Quorum(int present, int required, boolean met) {}
