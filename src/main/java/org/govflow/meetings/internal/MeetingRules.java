package org.govflow.meetings.internal;

import static org.govflow.meetings.internal.MeetingVariables.*;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.SubmissionRule;
import org.govflow.meetings.MeetingSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the meeting forms cannot say by themselves: a meeting ends after it starts and starts in the
 * future, in a real time zone; a proxy goes to another member of the same body who holds no more
 * than the configured number; the members present belong to the body; no more votes than voters.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingRules implements SubmissionRule {

  private static final Set<String> FORMS =
      Set.of(
          "statutory-meeting-start",
          "statutory-meeting-revise-convocation",
          "statutory-meeting-adjourn",
          "statutory-meeting-replan",
          "statutory-meeting-confirm-attendance",
          "statutory-meeting-record-attendance",
          "statutory-meeting-record-decision");

  private final MeetingProcess process;
  private final AttendanceRoll roll;
  private final MeetingSettings settings;
  private final MessageSource messages;
  private final Clock clock;

  @Override
  public boolean appliesTo(String formId) {
    return FORMS.contains(formId);
  }

  @Override
  public List<FieldError> check(Submission submission) {
    Map<String, Object> values = submission.values();
    FieldErrors errors = new FieldErrors(messages, submission.locale());
    switch (submission.formId()) {
      case "statutory-meeting-start" -> dates(values, values.get(TIME_ZONE), errors);
      case "statutory-meeting-revise-convocation" ->
          dates(values, variable(submission, TIME_ZONE), errors);
      case "statutory-meeting-adjourn" -> {
        if (ADJOURN_RECONVENE.equals(values.get(ADJOURNMENT))) {
          if (values.get(START) == null) {
            errors.add(START, "meetings.error.reconveneDates");
          }
          if (values.get(END) == null) {
            errors.add(END, "meetings.error.reconveneDates");
          }
          if (values.get(START) != null && values.get(END) != null) {
            dates(values, variable(submission, TIME_ZONE), errors);
          }
        }
      }
      case "statutory-meeting-replan" -> {
        if (REPLAN.equals(values.get(REPLAN_DECISION))) {
          requiredDates(values, "meetings.error.replanDates", errors);
          if (values.get(START) != null && values.get(END) != null) {
            dates(values, variable(submission, TIME_ZONE), errors);
          }
        }
      }
      case "statutory-meeting-confirm-attendance" -> proxy(submission, errors);
      case "statutory-meeting-record-attendance" -> present(submission, errors);
      case "statutory-meeting-record-decision" -> votes(submission, errors);
      default -> {}
    }
    return errors.list;
  }

  private static void requiredDates(Map<String, Object> values, String key, FieldErrors errors) {
    if (values.get(START) == null) {
      errors.add(START, key);
    }
    if (values.get(END) == null) {
      errors.add(END, key);
    }
  }

  private void dates(Map<String, Object> values, Object zoneName, FieldErrors errors) {
    ZoneId zone = MeetingSchedule.zone(zoneName);
    if (zone == null) {
      errors.add(TIME_ZONE, "meetings.error.timeZone");
      return;
    }
    ZonedDateTime start = MeetingSchedule.wallClock(values.get(START), zone);
    ZonedDateTime end = MeetingSchedule.wallClock(values.get(END), zone);
    if (start != null && !start.toInstant().isAfter(clock.instant())) {
      errors.add(START, "meetings.error.startInPast");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      errors.add(END, "meetings.error.endBeforeStart");
    }
  }

  private void proxy(Submission submission, FieldErrors errors) {
    if (!Attendance.PROXY.equals(submission.values().get(ATTENDANCE))) {
      return;
    }
    Object value = submission.values().get(PROXY_HOLDER);
    String holder = value == null ? "" : value.toString().strip();
    String body = (String) variable(submission, BODY);
    String meeting = businessKey(submission);
    if (holder.isEmpty()) {
      errors.add(PROXY_HOLDER, "meetings.error.proxyHolderMissing");
    } else if (holder.equals(submission.personId())) {
      errors.add(PROXY_HOLDER, "meetings.error.proxyToSelf");
    } else if (!roll.memberIds(body).contains(holder)) {
      errors.add(PROXY_HOLDER, "meetings.error.proxyHolderNotMember", holder);
    } else if (roll.proxiesHeldBy(meeting, holder, submission.personId())
        >= settings.proxies().maxPerHolder()) {
      errors.add(PROXY_HOLDER, "meetings.error.proxyHolderFull", settings.proxies().maxPerHolder());
    } else if (roll.attendance(meeting).stream()
        .anyMatch(a -> a.personId().equals(holder) && Attendance.PROXY.equals(a.response()))) {
      // a proxy is carried by someone who attends, not passed on
      errors.add(PROXY_HOLDER, "meetings.error.proxyHolderAbsent", holder);
    }
  }

  private void present(Submission submission, FieldErrors errors) {
    List<String> members = roll.memberIds((String) variable(submission, BODY));
    for (String id : AttendanceRoll.ids(submission.values().get(PRESENT_MEMBERS))) {
      if (!members.contains(id)) {
        errors.add(PRESENT_MEMBERS, "meetings.error.notMember", id);
        return;
      }
    }
  }

  private void votes(Submission submission, FieldErrors errors) {
    long cast = 0;
    for (String key : List.of(VOTES_FOR, VOTES_AGAINST, ABSTENTIONS)) {
      if (submission.values().get(key) instanceof Number n) {
        cast += n.longValue();
      }
    }
    boolean written = ADJOURN_WRITTEN.equals(variable(submission, ADJOURNMENT));
    long voters =
        written
            ? number(variable(submission, MEMBERSHIP))
            : number(variable(submission, PRESENT)) + number(variable(submission, REPRESENTED));
    if (cast > voters) {
      errors.add(VOTES_FOR, "meetings.error.tooManyVotes", voters);
    }
  }

  private Object variable(Submission submission, String name) {
    return process.variable(submission.processInstanceId(), name);
  }

  private String businessKey(Submission submission) {
    return process.businessKey(submission.processInstanceId());
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
