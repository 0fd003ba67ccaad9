package org.govflow.meetings.internal;

import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who comes: each member's answer to the convocation (attending, absent, a proxy), who was there on
 * the day, and the count the quorum rule reads.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AttendanceRoll {

  private final MeetingRepository meetings;
  private final Directory directory;

  /** A member's answer to the convocation: attending, absent, or a proxy to another member. */
  @Transactional
  void answer(String businessKey, String personId, String response, String proxyHolder) {
    meetings.require(businessKey);
    meetings.respond(
        businessKey, personId, response, Attendance.PROXY.equals(response) ? proxyHolder : null);
  }

  /** Who was there on the day; the rest of the body was not. */
  @Transactional
  Count record(String businessKey, List<String> present) {
    meetings.present(businessKey, memberIds(meetings.require(businessKey).bodyId()), present);
    return count(businessKey);
  }

  /**
   * Members present, members represented by a proxy held by someone present, and the membership.
   */
  Count count(String businessKey) {
    List<String> members = memberIds(meetings.require(businessKey).bodyId());
    List<Attendance> attendance = meetings.attendance(businessKey);
    Set<String> present =
        Set.copyOf(
            attendance.stream()
                .filter(Attendance::present)
                .map(Attendance::personId)
                .filter(members::contains)
                .toList());
    int represented =
        (int)
            attendance.stream()
                .filter(a -> !a.present() && Attendance.PROXY.equals(a.response()))
                .filter(a -> present.contains(a.proxyHolder()))
                .count();
    return new Count(present.size(), represented, members.size());
  }

  List<Attendance> attendance(String businessKey) {
    return meetings.attendance(businessKey);
  }

  /** How many proxies a member already holds for the meeting, other than from {@code except}. */
  int proxiesHeldBy(String businessKey, String holder, String except) {
    return meetings.proxiesHeldBy(businessKey, holder, except);
  }

  /** The ids of the body's members, as the directory lists them. */
  List<String> memberIds(String bodyId) {
    return directory.membersOf(bodyId).stream().map(Membership::personId).distinct().toList();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Person ids, one a line (or separated by commas), as the attendance form takes them. */
  static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    // the form's checklist is stored as a JSON array's text (forms store lists so); API clients
    // and process tests may send lines
    java.util.Collection<?> items = value instanceof java.util.Collection<?> c ? c : List.of(value);
    if (value instanceof String text && text.strip().startsWith("[")) {
      try {
        items = JSON.readValue(text, List.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not JSON after all: read as lines
      }
    }
    return items.stream()
        .flatMap(item -> java.util.Arrays.stream(String.valueOf(item).split("[\\s,;]+")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  /** Who counts towards the quorum. */
  record Count(int present, int represented, int membership) {}
}
