package org.govflow.webhooks.internal;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint may subscribe to; the name is the {@code event} of each delivery. */
enum EventKind {
  DECISION_RECORDED("decision.recorded"),
  DECISION_PUBLISHED("decision.published"),
  PROCESS_STARTED("process.started"),
  PROCESS_ENDED("process.ended"),
  MEETING_CONVENED("meeting.convened"),
  MEETING_MOVED("meeting.moved"),
  MEETING_CANCELLED("meeting.cancelled"),
  TASK_OVERDUE("task.overdue");

  final String id;

  EventKind(String id) {
    this.id = id;
  }

  static Optional<EventKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
