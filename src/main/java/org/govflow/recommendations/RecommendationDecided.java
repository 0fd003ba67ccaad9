package org.govflow.recommendations;

/**
 * A recommendation has reached its outcome (adopted or rejected by the World Council, or
 * withdrawn), recorded and published in the decision register.
 */
public record RecommendationDecided(
    String processInstanceId, String businessKey, String outcome, long decisionId) {}
