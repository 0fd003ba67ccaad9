package org.govflow.decisions;

/** A decision entered the register. */
public record DecisionRecorded(
    long decisionId, String bodyId, String processKey, String businessKey, String outcome) {}
