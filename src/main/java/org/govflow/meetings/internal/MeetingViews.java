package org.govflow.meetings.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.documents.Document;
import org.govflow.documents.Documents;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingStatus;
import org.govflow.web.Caller;
import org.govflow.workflow.Participant;
import org.springframework.stereotype.Component;

/**
 * Meetings as the pages and the API show them, to those who may see them: the members of the body,
 * the secretariat, leadership and admins.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingViews {

  private final MeetingRepository meetings;
  private final AttendanceRoll roll;
  private final Directory directory;
  private final Documents documents;
  private final java.time.Clock clock;

  List<Summary> list(Caller who, Locale locale) {
    Instant now = clock.instant();
    // those to come first, soonest first; then those past, latest first
    return meetings.all(200).stream()
        .filter(m -> maySee(who, m))
        .sorted(
            java.util.Comparator.comparing((Meeting m) -> m.end().isBefore(now))
                .thenComparing(
                    (a, b) ->
                        a.end().isBefore(now)
                            ? b.start().compareTo(a.start())
                            : a.start().compareTo(b.start())))
        .map(m -> summary(m, locale))
        .toList();
  }

  /** The meeting, or null when there is none the caller may see. */
  Details details(String businessKey, Caller who, Locale locale) {
    Meeting m = meetings.find(businessKey).orElse(null);
    if (m == null || !maySee(who, m)) {
      return null;
    }
    List<Document> docs =
        documents.of(
            new Participant(who.personId(), who.bodies(), overseer(who)), m.processInstanceId());
    AttendanceRoll.Count count = roll.count(businessKey);
    return new Details(
        summary(m, locale),
        m.location(),
        m.languages(),
        m.sequence(),
        m.agendaCirculatedAt(),
        m.circulatedLate(),
        m.processInstanceId(),
        meetings.agenda(businessKey).stream().map(this::item).toList(),
        meetings.attendance(businessKey).stream().map(this::attendance).toList(),
        new QuorumStatus(count.present(), count.represented(), count.membership()),
        docs.stream()
            .map(
                d -> new DocumentRow(d.id(), d.name(), d.current().version(), d.current().sha256()))
            .toList());
  }

  /**
   * The body's members for the attendance checklist, with their answers and the proxies they hold:
   * ticked in advance when they said they would attend or hold a proxy.
   */
  List<RosterRow> roster(String businessKey) {
    Meeting m = meetings.require(businessKey);
    Map<String, Attendance> answers = new HashMap<>();
    meetings.attendance(businessKey).forEach(a -> answers.put(a.personId(), a));
    List<RosterRow> rows = new ArrayList<>();
    for (String id : roll.memberIds(m.bodyId())) {
      Attendance a = answers.get(id);
      List<String> held =
          answers.values().stream()
              .filter(o -> Attendance.PROXY.equals(o.response()) && id.equals(o.proxyHolder()))
              .map(o -> name(o.personId()))
              .sorted()
              .toList();
      String response = a == null ? null : a.response();
      rows.add(
          new RosterRow(
              id,
              name(id),
              response,
              a == null || a.proxyHolder() == null ? null : name(a.proxyHolder()),
              held,
              a != null && a.present()
                  || Attendance.ATTENDING.equals(response)
                  || !held.isEmpty()));
    }
    rows.sort(Comparator.comparing(RosterRow::name));
    return rows;
  }

  private String name(String personId) {
    return directory.person(personId).map(Person::name).orElse(personId);
  }

  private boolean maySee(Caller who, Meeting m) {
    return overseer(who) || who.bodies().contains(m.bodyId());
  }

  /** The secretariat, leadership and admins see every meeting. */
  private static boolean overseer(Caller who) {
    return who.overseesAll() || who.roles().contains(AccessRole.ADMIN);
  }

  private Summary summary(Meeting m, Locale locale) {
    String bodyName = directory.body(m.bodyId()).map(b -> b.name().in(locale)).orElse(m.bodyId());
    return new Summary(
        m.businessKey(),
        m.bodyId(),
        bodyName,
        m.title(),
        m.start(),
        m.end(),
        m.timeZone().getId(),
        shown(m).code());
  }

  /** A meeting is shown as held only once it has taken place; before, it is convened. */
  private MeetingStatus shown(Meeting m) {
    return m.status() == MeetingStatus.HELD && m.start().isAfter(clock.instant())
        ? MeetingStatus.CONVENED
        : m.status();
  }

  private Item item(AgendaItem i) {
    return new Item(
        i.id(),
        i.position(),
        i.kind().code(),
        i.title(),
        i.statuteChange(),
        i.proposedBy(),
        i.awaitedBusinessKey(),
        i.documentSha256(),
        i.outcome(),
        i.decisionId());
  }

  private AttendanceRow attendance(Attendance a) {
    return new AttendanceRow(
        a.personId(),
        directory.person(a.personId()).map(Person::name).orElse(a.personId()),
        a.response(),
        a.proxyHolder(),
        a.present());
  }

  record Summary(
      String businessKey,
      String bodyId,
      String bodyName,
      String title,
      Instant start,
      Instant end,
      String timeZone,
      String status) {}

  record Details(
      Summary meeting,
      String location,
      List<String> languages,
      int sequence,
      Instant agendaCirculatedAt,
      boolean circulatedLate,
      String processInstanceId,
      List<Item> agenda,
      List<AttendanceRow> attendance,
      QuorumStatus quorum,
      List<DocumentRow> documents) {}

  record Item(
      long id,
      int position,
      String kind,
      String title,
      boolean statuteChange,
      String proposedBy,
      String recommendation,
      String documentSha256,
      String outcome,
      Long decisionId) {}

  record AttendanceRow(
      String personId, String name, String response, String proxyHolder, boolean present) {}

  record RosterRow(
      String personId,
      String name,
      String response,
      String proxyTo,
      List<String> proxiesHeld,
      boolean ticked) {}

  record QuorumStatus(int present, int represented, int membership) {}

  record DocumentRow(String id, String name, int version, String sha256) {}
}
