package org.govflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.govflow.support.MailIntegrationTest;
import org.govflow.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Meeting convocations reach every member with an iCalendar invitation that ical4j reads back:
 * REQUEST with the meeting's UID and time zone; a change keeps the UID and raises the SEQUENCE; a
 * cancellation is a CANCEL with the next SEQUENCE.
 */
@MailIntegrationTest
class ConvocationTests {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  @Autowired Notifications notifications;

  @Test
  void aConvocationItsChangeAndItsCancellationKeepTheUidAndRaiseTheSequence() throws Exception {
    String uid = "meeting-" + System.nanoTime() + "@govflow";
    ZonedDateTime start = ZonedDateTime.of(2027, 1, 20, 10, 0, 0, 0, MADRID);
    MeetingInvitation convened =
        new MeetingInvitation(
            uid,
            0,
            false,
            "presidency",
            "Presidency meeting",
            start,
            start.plusHours(3),
            "Barcelona");

    assertThat(notifications.invite(convened)).isEqualTo(6);
    assertThat(notifications.invite(convened)).isZero(); // a second node, or a retry: nothing new

    List<MimeMessage> first = awaitMessages(uid, 0, 6);
    MimeMessage jiwoo = to(first, "jiwoo.park@demo.govflow.org");
    assertThat(jiwoo.getSubject()).isEqualTo("Convocation: Presidency meeting");
    // 10:00 in Madrid is 18:00 in Seoul
    assertThat(text(jiwoo)).contains("Wednesday, January 20, 2027", "6:00", "(Asia/Seoul)");
    assertThat(to(first, "amina.diallo@demo.govflow.org").getSubject())
        .isEqualTo("Convocation : Presidency meeting");

    Calendar request = calendar(jiwoo);
    assertThat(value(request, Property.METHOD)).isEqualTo("REQUEST");
    VEvent event = event(request);
    assertThat(value(event, Property.UID)).isEqualTo(uid);
    assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    assertThat(event.getProperties(Property.DTSTAMP)).hasSize(1); // exactly once, RFC 5545
    assertThat(value(event, Property.DTSTART)).isEqualTo("20270120T100000");
    assertThat(
            event
                .getProperty(Property.DTSTART)
                .orElseThrow()
                .getParameter(Parameter.TZID)
                .orElseThrow()
                .getValue())
        .isEqualTo("Europe/Madrid");
    assertThat(request.getComponents(Component.VTIMEZONE)).hasSize(1);
    assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:jiwoo.park@demo.govflow.org");

    MeetingInvitation moved =
        new MeetingInvitation(
            uid,
            1,
            false,
            "presidency",
            "Presidency meeting",
            start.plusDays(1),
            start.plusDays(1).plusHours(3),
            "Barcelona");
    assertThat(notifications.invite(moved)).isEqualTo(6);
    Calendar change = calendar(to(awaitMessages(uid, 1, 6), "jiwoo.park@demo.govflow.org"));
    assertThat(value(change, Property.METHOD)).isEqualTo("REQUEST");
    assertThat(value(event(change), Property.UID)).isEqualTo(uid);
    assertThat(value(event(change), Property.SEQUENCE)).isEqualTo("1");
    assertThat(value(event(change), Property.DTSTART)).isEqualTo("20270121T100000");

    MeetingInvitation cancelled =
        new MeetingInvitation(
            uid,
            2,
            true,
            "presidency",
            "Presidency meeting",
            moved.start(),
            moved.end(),
            "Barcelona");
    assertThat(notifications.invite(cancelled)).isEqualTo(6);
    MimeMessage cancellation = to(awaitMessages(uid, 2, 6), "lucia.herrera@demo.govflow.org");
    assertThat(cancellation.getSubject()).isEqualTo("Cancelada: Presidency meeting");
    Calendar cancel = calendar(cancellation);
    assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
    assertThat(value(event(cancel), Property.UID)).isEqualTo(uid);
    assertThat(value(event(cancel), Property.SEQUENCE)).isEqualTo("2");
    assertThat(value(event(cancel), Property.STATUS)).isEqualTo("CANCELLED");
  }

  // -- helpers

  private static List<MimeMessage> awaitMessages(String uid, int sequence, int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> messages(uid, sequence).size() >= expected);
    List<MimeMessage> found = messages(uid, sequence);
    assertThat(found).hasSize(expected);
    return found;
  }

  private static List<MimeMessage> messages(String uid, int sequence) {
    return Arrays.stream(TestMailServer.received())
        .filter(
            m -> {
              String ics = ics(m);
              return ics.contains("UID:" + uid) && ics.contains("SEQUENCE:" + sequence + "\r\n");
            })
        .toList();
  }

  private static MimeMessage to(List<MimeMessage> messages, String address) throws Exception {
    for (MimeMessage m : messages) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        return m;
      }
    }
    throw new AssertionError("No message to " + address);
  }

  private static Calendar calendar(MimeMessage m) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics(m)));
  }

  private static VEvent event(Calendar calendar) {
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static String value(Calendar calendar, String property) {
    return calendar.getProperty(property).orElseThrow().getValue();
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }

  private static String ics(MimeMessage m) {
    return part(m, "text/calendar");
  }

  private static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  private static String part(MimeMessage m, String type) {
    try {
      return find(m.getContent(), type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Object content, String type) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType(type)) {
          Object body = part.getContent();
          if (body instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          return body.toString();
        }
        String inner = find(part.getContent(), type);
        if (!inner.isEmpty()) {
          return inner;
        }
      }
    }
    return "";
  }
}
