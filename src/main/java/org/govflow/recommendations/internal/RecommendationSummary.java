package org.govflow.recommendations.internal;

import java.time.Instant;

/**
 * A recommendation in the list: its key, council, title, and whether it has ended and how.
 *
 * @param stage the steps it is at while it runs (activity ids of policy-recommendation)
 */
public record RecommendationSummary(
    String processInstanceId,
    String businessKey,
    String councilId,
    String title,
    Instant launchedAt,
    boolean running,
    Outcome outcome,
    java.util.List<String> stage) {}
