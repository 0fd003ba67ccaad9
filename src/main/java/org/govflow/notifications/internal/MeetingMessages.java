package org.govflow.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.notifications.MeetingInvitation;
import org.govflow.notifications.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * Convocations, changes and cancellations of meetings: one message per member of the body, in their
 * language and time zone, with an iCalendar invitation. Unique per meeting, sequence and member.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MeetingMessages {

  static final String CONVOCATION = "CONVOCATION";

  private final Directory directory;
  private final MessageRenderer renderer;
  private final Outbox outbox;
  private final NotificationSettings settings;
  private final Clock clock;

  /** Writes the messages in the caller's transaction; returns how many were new. */
  public int invite(MeetingInvitation meeting) {
    Instant now = clock.instant();
    int written = 0;
    String event =
        meeting.cancelled() ? "cancelled" : meeting.sequence() == 0 ? "convened" : "changed";
    for (Membership seat : directory.membersOf(meeting.bodyId())) {
      Person person = directory.person(seat.personId()).orElse(null);
      if (person == null) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("introKey", "notifications.meeting." + event);
      model.put("title", meeting.title());
      model.put("start", MessageRenderer.dateTime(meeting.start().toInstant(), person));
      model.put("end", MessageRenderer.dateTime(meeting.end().toInstant(), person));
      model.put("location", meeting.location());
      model.put("subjectArgs", new Object[] {meeting.title()});
      MessageRenderer.Rendered message =
          renderer.render("meeting", person, "notifications.meeting." + event + ".subject", model);
      String ics = ICalendar.invitation(meeting, person, settings.from(), now);
      boolean added =
          outbox.add(
              new OutboxMessage(
                  "meeting:" + meeting.uid() + ":" + meeting.sequence() + ":" + person.id(),
                  CONVOCATION,
                  person.id(),
                  person.email(),
                  null,
                  null,
                  message.subject(),
                  message.text(),
                  message.html(),
                  ics,
                  meeting.cancelled() ? "CANCEL" : "REQUEST"),
              now);
      written += added ? 1 : 0;
    }
    return written;
  }
}
