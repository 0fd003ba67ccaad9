package org.govflow.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.MeetingStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The meetings module's tables (V50). */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MeetingRepository {

  private static final String MEETING_COLUMNS =
      "business_key, process_instance_id, body_id, title, starts_at, ends_at, time_zone, location,"
          + " languages, status, sequence, agenda_circulated_at, circulated_late,"
          + " minutes_document_id";
  private static final String ITEM_COLUMNS =
      "id, position, kind, title, statute_change, proposed_by, awaited_business_key,"
          + " awaited_process_key, awaited_process_instance_id, document_sha256, outcome,"
          + " decision_id";

  private final JdbcTemplate jdbc;

  /** The meeting, which the caller knows exists. */
  Meeting require(String businessKey) {
    return find(businessKey)
        .orElseThrow(() -> new IllegalArgumentException("No meeting " + businessKey));
  }

  Optional<Meeting> find(String businessKey) {
    return first(
        "select " + MEETING_COLUMNS + " from meeting where business_key = ?",
        MeetingRepository::meeting,
        businessKey);
  }

  void insert(Meeting m, Instant now) {
    jdbc.update(
        "insert into meeting ("
            + MEETING_COLUMNS
            + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.businessKey(),
        m.processInstanceId(),
        m.bodyId(),
        m.title(),
        Timestamp.from(m.start()),
        Timestamp.from(m.end()),
        m.timeZone().getId(),
        m.location(),
        String.join(",", m.languages()),
        m.status().code(),
        m.sequence(),
        m.agendaCirculatedAt() == null ? null : Timestamp.from(m.agendaCirculatedAt()),
        m.circulatedLate(),
        m.minutesDocumentId(),
        Timestamp.from(now));
  }

  /** Title, dates, place and languages, as revised or reconvened. */
  void reschedule(Meeting m) {
    jdbc.update(
        "update meeting set title = ?, starts_at = ?, ends_at = ?, time_zone = ?, location = ?,"
            + " languages = ? where business_key = ?",
        m.title(),
        Timestamp.from(m.start()),
        Timestamp.from(m.end()),
        m.timeZone().getId(),
        m.location(),
        String.join(",", m.languages()),
        m.businessKey());
  }

  void status(String businessKey, MeetingStatus status, int sequence) {
    jdbc.update(
        "update meeting set status = ?, sequence = ? where business_key = ?",
        status.code(),
        sequence,
        businessKey);
  }

  void circulated(String businessKey, Instant at, boolean late) {
    jdbc.update(
        "update meeting set agenda_circulated_at = ?, circulated_late = ? where business_key = ?",
        Timestamp.from(at),
        late,
        businessKey);
  }

  void minutes(String businessKey, String documentId) {
    jdbc.update(
        "update meeting set minutes_document_id = ? where business_key = ?",
        documentId,
        businessKey);
  }

  /** Meetings starting from the given time on, soonest first, not cancelled. */
  public List<Meeting> from(Instant from, int limit) {
    return jdbc.query(
        "select "
            + MEETING_COLUMNS
            + " from meeting where ends_at >= ? and status <> 'cancelled'"
            + " order by starts_at, business_key limit ?",
        MeetingRepository::meeting,
        Timestamp.from(from),
        limit);
  }

  /** Every meeting, newest first. */
  public List<Meeting> all(int limit) {
    return jdbc.query(
        "select " + MEETING_COLUMNS + " from meeting order by starts_at desc, business_key limit ?",
        MeetingRepository::meeting,
        limit);
  }

  // ------------------------------------------------------------------------------------- agenda

  List<AgendaItem> agenda(String meetingKey) {
    return jdbc.query(
        "select "
            + ITEM_COLUMNS
            + " from meeting_agenda_item where meeting_key = ? order by position, id",
        MeetingRepository::item,
        meetingKey);
  }

  Optional<AgendaItem> item(long id) {
    return first(
        "select " + ITEM_COLUMNS + " from meeting_agenda_item where id = ?",
        MeetingRepository::item,
        id);
  }

  String meetingOfItem(long id) {
    return jdbc.queryForObject(
        "select meeting_key from meeting_agenda_item where id = ?", String.class, id);
  }

  void addItem(String meetingKey, AgendaItem item) {
    jdbc.update(
        "insert into meeting_agenda_item (meeting_key, position, kind, title, statute_change,"
            + " proposed_by) values (?, ?, ?, ?, ?, ?)",
        meetingKey,
        nextPosition(meetingKey),
        item.kind().code(),
        item.title(),
        item.statuteChange(),
        item.proposedBy());
  }

  /** Adds an awaited recommendation once; false when it is on the agenda already. */
  boolean addAwaited(
      String meetingKey,
      String subject,
      String businessKey,
      String processKey,
      String processInstanceId,
      String documentSha256) {
    Integer present =
        jdbc.queryForObject(
            "select count(*) from meeting_agenda_item where meeting_key = ?"
                + " and awaited_business_key = ?",
            Integer.class,
            meetingKey,
            businessKey);
    if (present != null && present > 0) {
      return false;
    }
    jdbc.update(
        "insert into meeting_agenda_item (meeting_key, position, kind, title, statute_change,"
            + " awaited_business_key, awaited_process_key, awaited_process_instance_id,"
            + " document_sha256) values (?, ?, ?, ?, false, ?, ?, ?, ?)",
        meetingKey,
        nextPosition(meetingKey),
        AgendaItem.Kind.RECOMMENDATION.code(),
        subject,
        businessKey,
        processKey,
        processInstanceId,
        documentSha256);
    return true;
  }

  /** Replaces the items the secretariat writes (all but recommendations), in the given order. */
  void replaceWrittenItems(String meetingKey, List<AgendaItem> items) {
    jdbc.update(
        "delete from meeting_agenda_item where meeting_key = ? and kind <> ?",
        meetingKey,
        AgendaItem.Kind.RECOMMENDATION.code());
    for (AgendaItem item : items) {
      addItem(meetingKey, item);
    }
  }

  void decided(long itemId, String outcome, long decisionId) {
    jdbc.update(
        "update meeting_agenda_item set outcome = ?, decision_id = ? where id = ?",
        outcome,
        decisionId,
        itemId);
  }

  private int nextPosition(String meetingKey) {
    Integer max =
        jdbc.queryForObject(
            "select max(position) from meeting_agenda_item where meeting_key = ?",
            Integer.class,
            meetingKey);
    return max == null ? 1 : max + 1;
  }

  // --------------------------------------------------------------------------------- attendance

  List<Attendance> attendance(String meetingKey) {
    return jdbc.query(
        "select person_id, response, proxy_holder, present from meeting_attendance"
            + " where meeting_key = ? order by person_id",
        (rs, i) ->
            new Attendance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
        meetingKey);
  }

  void respond(String meetingKey, String personId, String response, String proxyHolder) {
    int updated =
        jdbc.update(
            "update meeting_attendance set response = ?, proxy_holder = ?"
                + " where meeting_key = ? and person_id = ?",
            response,
            proxyHolder,
            meetingKey,
            personId);
    if (updated == 0) {
      jdbc.update(
          "insert into meeting_attendance (meeting_key, person_id, response, proxy_holder,"
              + " present) values (?, ?, ?, ?, false)",
          meetingKey,
          personId,
          response,
          proxyHolder);
    }
  }

  /** Records who was there on the day; everyone else of the body was not. */
  void present(String meetingKey, List<String> members, List<String> present) {
    for (String member : members) {
      boolean there = present.contains(member);
      int updated =
          jdbc.update(
              "update meeting_attendance set present = ? where meeting_key = ? and person_id = ?",
              there,
              meetingKey,
              member);
      if (updated == 0) {
        jdbc.update(
            "insert into meeting_attendance (meeting_key, person_id, present) values (?, ?, ?)",
            meetingKey,
            member,
            there);
      }
    }
  }

  /** How many proxies a member holds for the meeting, other than from the given member. */
  int proxiesHeldBy(String meetingKey, String holder, String except) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from meeting_attendance where meeting_key = ? and response = 'proxy'"
                + " and proxy_holder = ? and person_id <> ?",
            Integer.class,
            meetingKey,
            holder,
            except);
    return count == null ? 0 : count;
  }

  private static Meeting meeting(ResultSet rs, int row) throws SQLException {
    Timestamp circulated = rs.getTimestamp("agenda_circulated_at");
    String languages = rs.getString("languages");
    return new Meeting(
        rs.getString("business_key"),
        rs.getString("process_instance_id"),
        rs.getString("body_id"),
        rs.getString("title"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        ZoneId.of(rs.getString("time_zone")),
        rs.getString("location"),
        languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(",")),
        MeetingStatus.of(rs.getString("status")),
        rs.getInt("sequence"),
        circulated == null ? null : circulated.toInstant(),
        rs.getBoolean("circulated_late"),
        rs.getString("minutes_document_id"));
  }

  private static AgendaItem item(ResultSet rs, int row) throws SQLException {
    long decision = rs.getLong("decision_id");
    Long decisionId = rs.wasNull() ? null : decision;
    return new AgendaItem(
        rs.getLong("id"),
        rs.getInt("position"),
        AgendaItem.Kind.of(rs.getString("kind")),
        rs.getString("title"),
        rs.getBoolean("statute_change"),
        rs.getString("proposed_by"),
        rs.getString("awaited_business_key"),
        rs.getString("awaited_process_key"),
        rs.getString("awaited_process_instance_id"),
        rs.getString("document_sha256"),
        rs.getString("outcome"),
        decisionId);
  }

  private <T> Optional<T> first(String sql, RowMapper<T> mapper, Object argument) {
    return jdbc.query(sql, mapper, argument).stream().findFirst();
  }
}
