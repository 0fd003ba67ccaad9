package org.govflow.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.BodyType;
import org.govflow.directory.LocalizedText;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.directory.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory tables. Inactive rows are people and bodies removed from the file. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DirectoryRepository {

  private final JdbcClient jdbc;

  public List<Body> bodies() {
    return jdbc.sql("select * from directory_body where active order by id")
        .query(this::mapBody)
        .list();
  }

  public Optional<Body> body(String id) {
    return jdbc.sql("select * from directory_body where id = ? and active")
        .param(id)
        .query(this::mapBody)
        .optional();
  }

  public List<Person> people() {
    return jdbc.sql("select * from directory_person where active order by id")
        .query(this::mapPerson)
        .list();
  }

  public Optional<Person> person(String id) {
    return jdbc.sql("select * from directory_person where id = ? and active")
        .param(id)
        .query(this::mapPerson)
        .optional();
  }

  /** The active ones among these people, in one query. */
  public List<Person> people(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from directory_person where id in (:ids) and active")
        .param("ids", ids)
        .query(this::mapPerson)
        .list();
  }

  public Optional<Person> personByEmail(String email) {
    return jdbc
        .sql("select * from directory_person where lower(email) = lower(?) and active order by id")
        .param(email)
        .query(this::mapPerson)
        .stream()
        .findFirst();
  }

  public Optional<String> passwordHash(String personId) {
    return jdbc.sql("select password_hash from directory_person where id = ? and active")
        .param(personId)
        .query(String.class)
        .optional();
  }

  public List<Membership> memberships() {
    return jdbc.sql(
            "select m.* from directory_membership m join directory_person p on p.id = m.person_id"
                + " join directory_body b on b.id = m.body_id where p.active and b.active"
                + " order by m.body_id, m.person_id")
        .query(this::mapMembership)
        .list();
  }

  public List<Membership> membershipsOf(String personId) {
    return jdbc.sql(
            "select m.* from directory_membership m join directory_body b on b.id = m.body_id"
                + " where m.person_id = ? and b.active order by m.body_id")
        .param(personId)
        .query(this::mapMembership)
        .list();
  }

  public List<Membership> membersOf(String bodyId) {
    return jdbc.sql(
            "select m.* from directory_membership m join directory_person p on p.id = m.person_id"
                + " where m.body_id = ? and p.active order by m.person_id")
        .param(bodyId)
        .query(this::mapMembership)
        .list();
  }

  /** Locks the sync row for the rest of the transaction, so two starting nodes take turns. */
  void lockForSync() {
    jdbc.sql("select id from directory_sync where id = 1 for update").query(Integer.class).single();
  }

  void markSynced() {
    jdbc.sql("update directory_sync set synced_at = current_timestamp where id = 1").update();
  }

  /** All rows, active or not, as stored: what the synchroniser compares the file with. */
  List<StoredBody> storedBodies() {
    return jdbc.sql("select * from directory_body")
        .query((rs, n) -> new StoredBody(mapBody(rs, n), rs.getBoolean("active")))
        .list();
  }

  List<StoredPerson> storedPeople() {
    return jdbc.sql("select * from directory_person")
        .query(
            (rs, n) ->
                new StoredPerson(
                    mapPerson(rs, n), rs.getString("password_hash"), rs.getBoolean("active")))
        .list();
  }

  List<Membership> storedMemberships() {
    return jdbc.sql("select * from directory_membership").query(this::mapMembership).list();
  }

  void insert(Body b) {
    jdbc.sql(
            "insert into directory_body (id, type, region, name_en, name_fr, name_es, active) values (?, ?, ?, ?, ?, ?, true)")
        .params(b.id(), b.type().key(), b.region(), b.name().en(), b.name().fr(), b.name().es())
        .update();
  }

  void update(Body b) {
    jdbc.sql(
            "update directory_body set type = ?, region = ?, name_en = ?, name_fr = ?, name_es = ?, active = true where id = ?")
        .params(b.type().key(), b.region(), b.name().en(), b.name().fr(), b.name().es(), b.id())
        .update();
  }

  void deactivateBody(String id) {
    jdbc.sql("update directory_body set active = false where id = ?").param(id).update();
  }

  void insert(Person p, String passwordHash) {
    jdbc.sql(
            "insert into directory_person (id, name, email, language, time_zone, admin, password_hash, active) values (?, ?, ?, ?, ?, ?, ?, true)")
        .params(
            p.id(),
            p.name(),
            p.email(),
            p.language().getLanguage(),
            p.timeZone().getId(),
            p.admin(),
            passwordHash)
        .update();
  }

  void update(Person p, String passwordHash) {
    jdbc.sql(
            "update directory_person set name = ?, email = ?, language = ?, time_zone = ?, admin = ?, password_hash = ?, active = true where id = ?")
        .params(
            p.name(),
            p.email(),
            p.language().getLanguage(),
            p.timeZone().getId(),
            p.admin(),
            passwordHash,
            p.id())
        .update();
  }

  void deactivatePerson(String id) {
    jdbc.sql("update directory_person set active = false where id = ?").param(id).update();
  }

  void insert(Membership m) {
    jdbc.sql("insert into directory_membership (body_id, person_id, role) values (?, ?, ?)")
        .params(m.bodyId(), m.personId(), m.role().key())
        .update();
  }

  void update(Membership m) {
    jdbc.sql("update directory_membership set role = ? where body_id = ? and person_id = ?")
        .params(m.role().key(), m.bodyId(), m.personId())
        .update();
  }

  void delete(Membership m) {
    jdbc.sql("delete from directory_membership where body_id = ? and person_id = ?")
        .params(m.bodyId(), m.personId())
        .update();
  }

  record StoredBody(Body body, boolean active) {}

  record StoredPerson(Person person, String passwordHash, boolean active) {}

  private Body mapBody(ResultSet rs, int n) throws SQLException {
    return new Body(
        rs.getString("id"),
        BodyType.fromKey(rs.getString("type")).orElseThrow(),
        rs.getString("region"),
        new LocalizedText(
            rs.getString("name_en"), rs.getString("name_fr"), rs.getString("name_es")));
  }

  private Person mapPerson(ResultSet rs, int n) throws SQLException {
    return new Person(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        Locale.forLanguageTag(rs.getString("language")),
        ZoneId.of(rs.getString("time_zone")),
        rs.getBoolean("admin"));
  }

  private Membership mapMembership(ResultSet rs, int n) throws SQLException {
    return new Membership(
        rs.getString("body_id"),
        rs.getString("person_id"),
        Role.fromKey(rs.getString("role")).orElseThrow());
  }
}
