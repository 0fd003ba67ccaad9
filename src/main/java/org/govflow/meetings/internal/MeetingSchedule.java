package org.govflow.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govflow.meetings.MeetingSettings;

/** The dates a meeting's process runs on, worked out from its start and the settings. */
public final class MeetingSchedule {

  private MeetingSchedule() {}

  /**
   * A date and time from a form, read as the wall-clock time in the meeting's own zone: the
   * secretariat types the time the meeting starts where it is held, whatever their own zone.
   *
   * @return null when the value is not a date and time
   */
  public static ZonedDateTime wallClock(Object value, ZoneId meetingZone) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toLocalDateTime().atZone(meetingZone);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(meetingZone);
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  /** The zone named, or null when it is no IANA zone. */
  public static ZoneId zone(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(value.toString().trim());
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  /**
   * The variables the model's timers, due dates and notice rule read: the meeting's start and end,
   * whole days until it starts, and the deadlines before it.
   */
  public static Map<String, Object> variables(
      Instant start, Instant end, Instant now, MeetingSettings settings) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(MeetingVariables.MEETING_START, Date.from(start));
    variables.put(MeetingVariables.MEETING_END, Date.from(end));
    variables.put(MeetingVariables.DAYS_UNTIL_START, Duration.between(now, start).toDays());
    Instant call = start.minus(Duration.ofDays(settings.callDaysBefore()));
    Instant halfway = now.plus(Duration.between(now, start).dividedBy(2));
    // on short notice the call still stays open for half the time left
    variables.put(
        MeetingVariables.CALL_DEADLINE, Date.from(call.isBefore(halfway) ? halfway : call));
    variables.put(
        MeetingVariables.DOCUMENTS_DEADLINE,
        Date.from(start.minus(Duration.ofDays(settings.documentsDaysBefore()))));
    variables.put(
        MeetingVariables.ATTENDANCE_DEADLINE,
        Date.from(start.minus(Duration.ofDays(settings.attendanceDaysBefore()))));
    return variables;
  }
}
