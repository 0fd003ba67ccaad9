package org.govflow.meetings;

import java.util.List;

/** The Presidency approved a meeting's minutes; they and its decisions are published. */
public record MinutesPublished(String businessKey, String bodyId, List<Long> decisionIds) {}
