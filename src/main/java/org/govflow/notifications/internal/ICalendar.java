package org.govflow.notifications.internal;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.govflow.directory.Person;
import org.govflow.notifications.MeetingInvitation;

/** iCalendar (RFC 5545) documents built with ical4j: invitations and the personal feed. */
final class ICalendar {

  private static final String PRODID = "-//govflow//govflow notifications//EN";
  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private ICalendar() {}

  /** METHOD:REQUEST for a convocation or a change, METHOD:CANCEL for a cancellation. */
  static String invitation(MeetingInvitation m, Person attendee, String organizer, Instant now) {
    Method method = m.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
    VEvent event = new VEvent(m.start(), m.end(), m.title());
    event.add(new Uid(m.uid()));
    event.add(new Sequence(m.sequence()));
    event.replace(new DtStamp(now));
    event.add(m.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    if (m.location() != null) {
      event.add(new Location(m.location()));
    }
    event.add(new Organizer(URI.create("mailto:" + address(organizer))));
    Attendee to = new Attendee(URI.create("mailto:" + attendee.email()));
    to.add(new Cn(attendee.name()));
    to.add(Role.REQ_PARTICIPANT);
    to.add(Rsvp.TRUE);
    event.add(to);
    Calendar calendar = calendar(method);
    calendar.add(ZONES.getTimeZone(m.start().getZone().getId()).getVTimeZone());
    calendar.add(event);
    return calendar.toString();
  }

  /**
   * A feed of deadlines (one short event at each due time, linking to the task) and meetings (the
   * latest version of each invitation the person received, cancelled ones marked so).
   */
  static String feed(List<Deadline> deadlines, List<String> invitations, Instant now) {
    Calendar calendar = calendar(ImmutableMethod.PUBLISH);
    for (Deadline d : deadlines) {
      // in UTC: a subscriber's calendar shows it in the reader's own zone
      VEvent event = new VEvent(d.due(), d.due().plusSeconds(30 * 60), d.summary());
      event.add(new Uid("task-" + d.taskId() + "@govflow"));
      event.replace(new DtStamp(now));
      event.add(new Url(URI.create(d.link())));
      event.add(new Description(d.link()));
      // a reminder the day before, as a calendar app shows it
      VAlarm alarm = new VAlarm(Duration.ofDays(-1));
      alarm.add(ImmutableAction.DISPLAY);
      alarm.add(new Description(d.alarm()));
      event.add(alarm);
      calendar.add(event);
    }
    Map<String, VEvent> meetings = new LinkedHashMap<>();
    Map<String, VTimeZone> zones = new LinkedHashMap<>();
    for (String invitation : invitations) {
      Calendar parsed = parse(invitation);
      for (VTimeZone zone : parsed.<VTimeZone>getComponents(Component.VTIMEZONE)) {
        zones.putIfAbsent(zone.getProperty(Property.TZID).map(Property::getValue).orElse(""), zone);
      }
      for (VEvent event : parsed.<VEvent>getComponents(Component.VEVENT)) {
        String uid = event.getProperty(Property.UID).map(Property::getValue).orElse("");
        VEvent known = meetings.get(uid);
        if (known == null || sequence(event) >= sequence(known)) {
          meetings.put(uid, event);
        }
      }
    }
    zones.values().forEach(calendar::add);
    meetings.values().forEach(calendar::add);
    return calendar.toString();
  }

  private static int sequence(VEvent event) {
    return event.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue())).orElse(0);
  }

  private static Calendar parse(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (IOException | ParserException e) {
      throw new IllegalStateException("A stored invitation is not valid iCalendar", e);
    }
  }

  private static Calendar calendar(Method method) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(method);
    return calendar;
  }

  /** "govflow <no-reply@x>" to "no-reply@x". */
  private static String address(String from) {
    int open = from.indexOf('<');
    int close = from.indexOf('>');
    return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
  }

  record Deadline(String taskId, String summary, Instant due, String link, String alarm) {}
}
