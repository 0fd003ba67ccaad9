package org.govflow.meetings.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionRegister;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingStatus;
import org.govflow.workflow.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A meeting's minutes: drafted as versions of one document, then published with its decisions. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Minutes {

  private final MeetingRepository meetings;
  private final Documents documents;
  private final DecisionRegister register;

  /** Stores the draft minutes as a new version of the meeting's minutes document. */
  @Transactional
  DocumentVersion draft(String businessKey, String minutes, String by) {
    Meeting meeting = meetings.require(businessKey);
    DocumentVersion version =
        documents.upload(
            new Participant(by, Set.of(), true),
            meeting.processInstanceId(),
            meeting.minutesDocumentId(),
            "minutes-" + businessKey + ".md",
            minutes.getBytes(StandardCharsets.UTF_8));
    meetings.minutes(businessKey, version.documentId());
    return version;
  }

  /** The Presidency approved the minutes: they and every decision of the meeting are published. */
  @Transactional
  List<Long> publish(String businessKey, String by) {
    Meeting meeting = meetings.require(businessKey);
    List<Long> published = new ArrayList<>();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (item.decisionId() != null) {
        register.publish(item.decisionId(), by);
        published.add(item.decisionId());
      }
    }
    meetings.status(businessKey, MeetingStatus.HELD, meeting.sequence());
    return published;
  }
}
