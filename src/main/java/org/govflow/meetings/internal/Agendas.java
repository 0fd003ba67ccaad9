package org.govflow.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.workflow.AwaitedDecision;
import org.govflow.workflow.AwaitedDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's agenda: the draft, the sections' and councils' proposals, the recommendations
 * awaiting the body, the secretariat's consolidation and its circulation before the documents
 * deadline.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Agendas {

  private final MeetingRepository meetings;
  private final AwaitedDecisions awaited;
  private final Clock clock;

  /** A section's or council's proposals, one item per line. */
  @Transactional
  void propose(String businessKey, String bodyId, String proposals) {
    meetings.require(businessKey);
    for (String line : AgendaLines.lines(proposals)) {
      AgendaLines.parse(line, bodyId).ifPresent(item -> meetings.addItem(businessKey, item));
    }
  }

  /**
   * Adds to the agenda, once each, the recommendations and other processes awaiting the decision of
   * the meeting's body.
   *
   * @return how many were added now
   */
  @Transactional
  int addAwaitedDecisions(String businessKey) {
    String bodyId = meetings.require(businessKey).bodyId();
    int added = 0;
    for (AwaitedDecision decision : awaited.awaiting(bodyId)) {
      if (meetings.addAwaited(
          businessKey,
          decision.subject() == null ? decision.businessKey() : decision.subject(),
          decision.businessKey(),
          decision.processKey(),
          decision.processInstanceId(),
          decision.documentSha256())) {
        added++;
      }
    }
    return added;
  }

  /**
   * The items the secretariat writes, as text: one per line, statute changes marked.
   * Recommendations are not in it; they stay on the agenda by themselves.
   */
  String agendaText(String businessKey) {
    StringBuilder text = new StringBuilder();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (!item.recommendation()) {
        text.append(AgendaLines.line(item)).append('\n');
      }
    }
    return text.toString().strip();
  }

  /** The recommendations on the agenda, as text, for the secretariat and the Presidency. */
  String recommendationsText(String businessKey) {
    StringBuilder text = new StringBuilder();
    for (AgendaItem item : meetings.agenda(businessKey)) {
      if (item.recommendation()) {
        text.append("- ")
            .append(item.awaitedBusinessKey())
            .append(": ")
            .append(item.title())
            .append('\n');
      }
    }
    return text.toString().strip();
  }

  /**
   * The consolidated agenda: the secretariat's items as written (one per line), then every
   * recommendation awaiting the body, including any that arrived since the call closed.
   */
  @Transactional
  List<AgendaItem> consolidate(String businessKey, String agenda) {
    meetings.require(businessKey);
    List<AgendaItem> previous = meetings.agenda(businessKey);
    List<AgendaItem> written = new ArrayList<>();
    for (String line : AgendaLines.lines(agenda)) {
      AgendaItem typed = AgendaLines.parse(line, null).orElse(null);
      if (typed == null) {
        continue;
      }
      // a proposal keeps the body that proposed it
      String proposedBy =
          previous.stream()
              .filter(i -> i.title().equals(typed.title()) && i.proposedBy() != null)
              .map(AgendaItem::proposedBy)
              .findFirst()
              .orElse(null);
      written.add(AgendaItem.written(typed.title(), typed.statuteChange(), proposedBy));
    }
    meetings.replaceWrittenItems(businessKey, written);
    addAwaitedDecisions(businessKey);
    return meetings.agenda(businessKey);
  }

  /**
   * Circulates the approved agenda and documents now; late when after the documents deadline.
   *
   * @return whether it went out late
   */
  @Transactional
  boolean circulate(String businessKey, Instant documentsDeadline) {
    meetings.require(businessKey);
    Instant now = clock.instant();
    boolean late = now.isAfter(documentsDeadline);
    meetings.circulated(businessKey, now, late);
    return late;
  }

  List<AgendaItem> agenda(String businessKey) {
    return meetings.agenda(businessKey);
  }

  Optional<AgendaItem> item(long id) {
    return meetings.item(id);
  }
}
