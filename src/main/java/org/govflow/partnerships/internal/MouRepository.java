package org.govflow.partnerships.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The register's tables: MoUs, their terms, their renewals and their timelines. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MouRepository {

  private static final String MOU_WITH_TERM =
      "select m.*, t.term_no, t.starts_on, t.ends_on, t.notice_date, t.how, t.document_sha256,"
          + " t.recorded_by, t.recorded_at from partnership_mou m join partnership_mou_term t"
          + " on t.mou_id = m.id and t.term_no ="
          + " (select max(term_no) from partnership_mou_term where mou_id = m.id)";

  private static final RowMapper<MouTerm> TERM = (rs, n) -> term(rs, rs.getLong("mou_id"));

  private static final RowMapper<Mou> MOU =
      (rs, n) ->
          new Mou(
              rs.getLong("id"),
              rs.getString("partner_id"),
              rs.getString("partner_kind"),
              rs.getString("title"),
              rs.getDate("signed_on").toLocalDate(),
              RenewalKind.of(rs.getString("renewal_kind")).orElseThrow(),
              rs.getString("notice_period"),
              rs.getString("focal_point"),
              rs.getString("contact_name"),
              rs.getString("contact_email"),
              rs.getString("contact_language"),
              MouStatus.of(rs.getString("status")),
              date(rs, "ended_on"),
              rs.getString("end_reason"),
              rs.getTimestamp("updated_at").toInstant(),
              term(rs, rs.getLong("id")));

  private static final RowMapper<Renewal> RENEWAL =
      (rs, n) ->
          new Renewal(
              rs.getLong("mou_id"),
              rs.getInt("term_no"),
              rs.getString("process_instance_id"),
              rs.getString("business_key"),
              rs.getString("started_by"),
              rs.getTimestamp("started_at").toInstant(),
              rs.getString("stage"),
              rs.getString("outcome"));

  private final JdbcTemplate jdbc;

  List<Mou> all() {
    return jdbc.query(MOU_WITH_TERM + " order by m.id", MOU);
  }

  Optional<Mou> find(long id) {
    return jdbc.query(MOU_WITH_TERM + " where m.id = ?", MOU, id).stream().findFirst();
  }

  /** The MoUs in force (not lapsed, not ended) whose current term has no renewal yet. */
  List<Mou> withoutRenewal() {
    return jdbc.query(
        MOU_WITH_TERM
            + " where m.status <> 'lapsed' and m.ended_on is null and not exists (select 1 from"
            + " partnership_renewal r where r.mou_id = m.id and r.term_no = t.term_no)"
            + " order by t.notice_date",
        MOU);
  }

  long insert(MouValues v, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into partnership_mou (partner_id, partner_kind, title, signed_on,"
                      + " renewal_kind, notice_period, focal_point, contact_name, contact_email,"
                      + " contact_language, status, created_at, updated_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, v.partnerId());
          ps.setString(2, v.partnerKind());
          ps.setString(3, v.title());
          ps.setDate(4, Date.valueOf(v.signedOn()));
          ps.setString(5, v.renewalKind().key());
          ps.setString(6, v.noticePeriod());
          ps.setString(7, v.focalPoint());
          ps.setString(8, v.contactName());
          ps.setString(9, v.contactEmail());
          ps.setString(10, v.contactLanguage());
          ps.setString(11, MouStatus.ACTIVE.key());
          ps.setTimestamp(12, Timestamp.from(now));
          ps.setTimestamp(13, Timestamp.from(now));
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  void update(long id, MouValues v, Instant now) {
    jdbc.update(
        "update partnership_mou set partner_id = ?, partner_kind = ?, title = ?, signed_on = ?,"
            + " renewal_kind = ?, notice_period = ?, focal_point = ?, contact_name = ?,"
            + " contact_email = ?, contact_language = ?, updated_at = ? where id = ?",
        v.partnerId(),
        v.partnerKind(),
        v.title(),
        Date.valueOf(v.signedOn()),
        v.renewalKind().key(),
        v.noticePeriod(),
        v.focalPoint(),
        v.contactName(),
        v.contactEmail(),
        v.contactLanguage(),
        Timestamp.from(now),
        id);
  }

  void status(long id, MouStatus status, Instant now) {
    jdbc.update(
        "update partnership_mou set status = ?, updated_at = ? where id = ?",
        status.key(),
        Timestamp.from(now),
        id);
  }

  void end(long id, LocalDate on, String reason, Instant now) {
    jdbc.update(
        "update partnership_mou set status = ?, ended_on = ?, end_reason = ?, updated_at = ?"
            + " where id = ?",
        MouStatus.LAPSED.key(),
        Date.valueOf(on),
        reason,
        Timestamp.from(now),
        id);
  }

  void insertTerm(MouTerm t) {
    jdbc.update(
        "insert into partnership_mou_term (mou_id, term_no, starts_on, ends_on, notice_date, how,"
            + " document_sha256, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.mouId(),
        t.termNo(),
        Date.valueOf(t.startsOn()),
        Date.valueOf(t.endsOn()),
        Date.valueOf(t.noticeDate()),
        t.how(),
        t.documentSha256(),
        t.recordedBy(),
        Timestamp.from(t.recordedAt()));
  }

  /** Corrects the dates of a term (an edit of the register before any renewal of it). */
  void updateTerm(MouTerm t) {
    jdbc.update(
        "update partnership_mou_term set starts_on = ?, ends_on = ?, notice_date = ?"
            + " where mou_id = ? and term_no = ?",
        Date.valueOf(t.startsOn()),
        Date.valueOf(t.endsOn()),
        Date.valueOf(t.noticeDate()),
        t.mouId(),
        t.termNo());
  }

  List<MouTerm> terms(long mouId) {
    return jdbc.query(
        "select * from partnership_mou_term where mou_id = ? order by term_no", TERM, mouId);
  }

  /**
   * Records that a renewal of the term runs. Fails with a duplicate key when one was started for it
   * already, by this node or another: the caller's transaction, and the start, roll back.
   */
  void insertRenewal(Renewal r) {
    jdbc.update(
        "insert into partnership_renewal (mou_id, term_no, process_instance_id, business_key,"
            + " started_by, started_at, stage) values (?, ?, ?, ?, ?, ?, ?)",
        r.mouId(),
        r.termNo(),
        r.processInstanceId(),
        r.businessKey(),
        r.startedBy(),
        Timestamp.from(r.startedAt()),
        r.stage());
  }

  boolean renewalExists(long mouId, int termNo) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from partnership_renewal where mou_id = ? and term_no = ?",
            Integer.class,
            mouId,
            termNo);
    return n != null && n > 0;
  }

  Optional<Renewal> renewalOf(String processInstanceId) {
    return jdbc
        .query(
            "select * from partnership_renewal where process_instance_id = ?",
            RENEWAL,
            processInstanceId)
        .stream()
        .findFirst();
  }

  List<Renewal> renewals(long mouId) {
    return jdbc.query(
        "select * from partnership_renewal where mou_id = ? order by term_no desc", RENEWAL, mouId);
  }

  List<Renewal> runningRenewals() {
    return jdbc.query("select * from partnership_renewal where outcome is null", RENEWAL);
  }

  void stage(String processInstanceId, String stage) {
    jdbc.update(
        "update partnership_renewal set stage = ? where process_instance_id = ?",
        stage,
        processInstanceId);
  }

  void outcome(String processInstanceId, String outcome) {
    jdbc.update(
        "update partnership_renewal set outcome = ?, stage = ? where process_instance_id = ?",
        outcome,
        "ended",
        processInstanceId);
  }

  void event(long mouId, String kind, String detail, String personId, Instant at) {
    jdbc.update(
        "insert into partnership_mou_event (mou_id, kind, detail, person_id, happened_at)"
            + " values (?, ?, ?, ?, ?)",
        mouId,
        kind,
        detail,
        personId,
        Timestamp.from(at));
  }

  List<MouEvent> events(long mouId) {
    return jdbc.query(
        "select * from partnership_mou_event where mou_id = ? order by happened_at, id",
        (rs, n) ->
            new MouEvent(
                rs.getString("kind"),
                rs.getString("detail"),
                rs.getString("person_id"),
                rs.getTimestamp("happened_at").toInstant()),
        mouId);
  }

  /** The items an assessment cites, replacing what an earlier completion stored. */
  void assessmentLinks(String processInstanceId, List<AssessmentLink> links) {
    jdbc.update(
        "delete from partnership_assessment_link where process_instance_id = ?", processInstanceId);
    int position = 0;
    for (AssessmentLink l : links) {
      jdbc.update(
          "insert into partnership_assessment_link (process_instance_id, position, kind,"
              + " reference, title) values (?, ?, ?, ?, ?)",
          processInstanceId,
          position++,
          l.kind(),
          l.reference(),
          l.title());
    }
  }

  /** What the assessments of an MoU's renewals cite, by renewal. */
  Map<String, List<AssessmentLink>> assessmentLinks(long mouId) {
    Map<String, List<AssessmentLink>> links = new LinkedHashMap<>();
    jdbc.query(
        "select l.* from partnership_assessment_link l join partnership_renewal r"
            + " on r.process_instance_id = l.process_instance_id where r.mou_id = ?"
            + " order by l.process_instance_id, l.position",
        (RowCallbackHandler)
            rs -> {
              links
                  .computeIfAbsent(rs.getString("process_instance_id"), k -> new ArrayList<>())
                  .add(
                      new AssessmentLink(
                          rs.getString("kind"), rs.getString("reference"), rs.getString("title")));
            },
        mouId);
    return links;
  }

  private static MouTerm term(ResultSet rs, long mouId) throws SQLException {
    return new MouTerm(
        mouId,
        rs.getInt("term_no"),
        rs.getDate("starts_on").toLocalDate(),
        rs.getDate("ends_on").toLocalDate(),
        rs.getDate("notice_date").toLocalDate(),
        rs.getString("how"),
        rs.getString("document_sha256"),
        rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
