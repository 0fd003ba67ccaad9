package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.END;
import static org.govflow.meetings.internal.MeetingVariables.START;
import static org.govflow.meetings.internal.MeetingVariables.TIME_ZONE;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govflow.directory.AccessRole;
import org.govflow.forms.FormView;
import org.govflow.forms.Forms;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingManagement;
import org.govflow.web.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The secretariat moving or calling off a meeting from its page or the API: who may, whether it is
 * still possible, and the same checks on the new dates as at launch (MeetingRules) plus the notice
 * owed to the members, each refused in the caller's language before anything changes.
 */
@Component
class MeetingChanges {

  static final String REASON = "reason";
  static final String CONFIRM = "confirm";
  private static final String START_FORM = "statutory-meeting-start";
  private static final int REASON_MAX = 2000;

  /** Those who convene meetings may move them; members only see them. */
  private static final Set<String> ORGANISERS =
      Set.of(AccessRole.SECRETARIAT.authority(), AccessRole.LEADERSHIP.authority());

  private final MeetingManagement meetings;
  private final Forms forms;
  private final MessageSource messages;
  private final Clock clock;

  MeetingChanges(MeetingManagement meetings, Forms forms, MessageSource messages, Clock clock) {
    this.meetings = meetings;
    this.forms = forms;
    this.messages = messages;
    this.clock = clock;
  }

  static boolean organiser(Authentication who) {
    return who.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(ORGANISERS::contains);
  }

  /** The time zones offered at launch, with their names in the reader's language. */
  List<FormView.Choice> timeZones(String chosen, Locale locale) {
    return forms
        .view(
            START_FORM,
            chosen == null ? Map.of() : Map.of(TIME_ZONE, chosen),
            List.of(),
            Map.of(),
            locale,
            ZoneId.of("UTC"))
        .fields()
        .stream()
        .filter(f -> TIME_ZONE.equals(f.key()))
        .findFirst()
        .map(FormView.Field::options)
        .orElse(List.of());
  }

  /**
   * New dates, typed as the wall-clock time where the meeting is held, in that zone.
   *
   * @return the meeting as moved
   */
  Meeting reschedule(
      Authentication who,
      String businessKey,
      String start,
      String end,
      String zone,
      Locale locale) {
    Meeting meeting = allowed(who, businessKey, locale);
    if (!meetings.reschedulable(meeting)) {
      throw refused(
          HttpStatus.CONFLICT,
          locale,
          "meetings.problem.notReschedulable",
          status(meeting, locale));
    }
    FieldErrors errors = new FieldErrors(messages, locale);
    ZoneId zoneId = MeetingSchedule.zone(zone);
    if (zoneId == null) {
      errors.add(TIME_ZONE, "meetings.error.timeZone");
    }
    ZonedDateTime from =
        zoneId == null ? null : MeetingSchedule.wallClock(blankToNull(start), zoneId);
    ZonedDateTime to = zoneId == null ? null : MeetingSchedule.wallClock(blankToNull(end), zoneId);
    if (zoneId != null && from == null) {
      errors.add(START, "meetings.error.dateMissing");
    }
    if (zoneId != null && to == null) {
      errors.add(END, "meetings.error.dateMissing");
    }
    if (from != null && !from.toInstant().isAfter(clock.instant())) {
      errors.add(START, "meetings.error.startInPast");
    } else if (from != null) {
      int notice = meetings.noticeDays(meeting);
      if (Duration.between(clock.instant(), from.toInstant()).toDays() < notice) {
        // the urgency waiver belongs to a launch: a shorter notice is a new meeting
        ZonedDateTime earliest =
            clock.instant().plus(Duration.ofDays(notice)).plusSeconds(60).atZone(zoneId);
        errors.add(
            START,
            "meetings.error.shortNotice",
            notice,
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .format(earliest));
      }
    }
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(END, "meetings.error.endBeforeStart");
    }
    if (!errors.list.isEmpty()) {
      throw new MeetingChangeRefused(
          HttpStatus.BAD_REQUEST, message("meetings.problem.invalid", locale), errors.list);
    }
    return meetings.reschedule(businessKey, from, to);
  }

  /** Calls the meeting off for the reason given, which the process keeps. */
  void cancel(
      Authentication who, String businessKey, String reason, boolean confirmed, Locale locale) {
    Meeting meeting = allowed(who, businessKey, locale);
    if (!meetings.cancellable(meeting)) {
      throw refused(
          HttpStatus.CONFLICT, locale, "meetings.problem.notCancellable", status(meeting, locale));
    }
    FieldErrors errors = new FieldErrors(messages, locale);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      errors.add(REASON, "meetings.error.reasonMissing");
    } else if (why.length() > REASON_MAX) {
      errors.add(REASON, "meetings.error.reasonTooLong", REASON_MAX);
    }
    if (!confirmed) {
      errors.add(CONFIRM, "meetings.error.confirm");
    }
    if (!errors.list.isEmpty()) {
      throw new MeetingChangeRefused(
          HttpStatus.BAD_REQUEST, message("meetings.problem.invalid", locale), errors.list);
    }
    meetings.cancel(businessKey, why);
  }

  /**
   * The meeting, when the caller may change it; members of the body may see it but not change it.
   */
  private Meeting allowed(Authentication who, String businessKey, Locale locale) {
    Meeting meeting = meetings.meeting(businessKey).orElse(null);
    boolean organiser = organiser(who);
    if (meeting == null || !(organiser || CurrentUser.of(who).actsFor(meeting.bodyId()))) {
      throw refused(HttpStatus.NOT_FOUND, locale, "meetings.problem.unknown", businessKey);
    }
    if (!organiser) {
      throw refused(HttpStatus.FORBIDDEN, locale, "meetings.problem.notOrganiser");
    }
    return meeting;
  }

  private String status(Meeting meeting, Locale locale) {
    String status =
        meeting.status().equals(MeetingManagement.CONVENED)
                || meeting.status().equals(MeetingManagement.REGISTERED)
            ? (meeting.start().isAfter(clock.instant()) ? meeting.status() : "begun")
            : meeting.status();
    return message("meetings.status." + status, locale);
  }

  private MeetingChangeRefused refused(
      HttpStatus status, Locale locale, String key, Object... args) {
    return new MeetingChangeRefused(status, messages.getMessage(key, args, key, locale), List.of());
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
