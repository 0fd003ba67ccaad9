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
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FormView;
import org.govflow.forms.Forms;
import org.govflow.meetings.Meeting;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The secretariat moving or calling off a meeting from its page or the API: who may, whether it is
 * still possible, and the same checks on the new dates as at launch (MeetingRules) plus the notice
 * owed to the members, each refused in the caller's language before anything changes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingChanges {

  static final String REASON = "reason";
  static final String CONFIRM = "confirm";
  private static final String START_FORM = "statutory-meeting-start";
  private static final int REASON_MAX = 2000;

  private final Convocations convocations;
  private final MeetingRepository meetings;
  private final Forms forms;
  private final MessageSource messages;
  private final Clock clock;

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
   * A time with an offset ({@code +05:00}, {@code Z}) is that instant, shown in the meeting's zone;
   * one without is the wall-clock time where the meeting is held.
   */
  private static ZonedDateTime when(String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.trim()).atZoneSameInstant(zone);
    } catch (java.time.format.DateTimeParseException noOffset) {
      return MeetingSchedule.wallClock(text, zone);
    }
  }

  /**
   * New dates, typed as the wall-clock time where the meeting is held, in that zone (or as
   * instants, with an offset).
   *
   * @return the meeting as moved
   */
  Meeting reschedule(
      Caller who, String businessKey, String start, String end, String zone, Locale locale) {
    Meeting meeting = allowed(who, businessKey);
    if (!convocations.reschedulable(meeting)) {
      throw Refusal.conflict("meetings.problem.notReschedulable", status(meeting, locale));
    }
    FieldErrors errors = new FieldErrors(messages, locale);
    ZoneId zoneId = MeetingSchedule.zone(zone);
    if (zoneId == null) {
      errors.add(TIME_ZONE, "meetings.error.timeZone");
    }
    ZonedDateTime from = zoneId == null ? null : when(blankToNull(start), zoneId);
    ZonedDateTime to = zoneId == null ? null : when(blankToNull(end), zoneId);
    if (zoneId != null && from == null) {
      errors.add(START, "meetings.error.dateMissing");
    }
    if (zoneId != null && to == null) {
      errors.add(END, "meetings.error.dateMissing");
    }
    if (from != null && !from.toInstant().isAfter(clock.instant())) {
      errors.add(START, "meetings.error.startInPast");
    } else if (from != null) {
      int notice = convocations.noticeDays(meeting);
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
    errors.refuseIfAny();
    return convocations.reschedule(businessKey, from, to);
  }

  /** Calls the meeting off for the reason given, which the process keeps. */
  void cancel(Caller who, String businessKey, String reason, boolean confirmed, Locale locale) {
    Meeting meeting = allowed(who, businessKey);
    if (!convocations.cancellable(meeting)) {
      throw Refusal.conflict("meetings.problem.notCancellable", status(meeting, locale));
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
    errors.refuseIfAny();
    convocations.callOff(businessKey, why);
  }

  /**
   * The meeting, when the caller may change it; members of the body may see it but not change it.
   */
  private Meeting allowed(Caller who, String businessKey) {
    Meeting meeting = meetings.find(businessKey).orElse(null);
    // those who convene meetings may move them; members only see them
    if (meeting == null || !(who.overseesAll() || who.bodies().contains(meeting.bodyId()))) {
      throw Refusal.notFound("meetings.problem.unknown", businessKey);
    }
    if (!who.overseesAll()) {
      throw Refusal.forbidden("meetings.problem.notOrganiser");
    }
    return meeting;
  }

  private String status(Meeting meeting, Locale locale) {
    String status =
        meeting.status().ahead() && !convocations.notBegun(meeting)
            ? "begun"
            : meeting.status().code();
    String key = "meetings.status." + status;
    return messages.getMessage(key, null, key, locale);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
