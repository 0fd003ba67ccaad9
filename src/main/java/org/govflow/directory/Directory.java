package org.govflow.directory;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.internal.DirectoryCache;
import org.govflow.directory.internal.DirectoryRepository;
import org.springframework.stereotype.Service;

/** The organisation as other modules see it: who is who, who sits where, who may do what. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Directory {

  private final DirectoryRepository repository;
  private final DirectoryCache cache;

  public List<Body> bodies() {
    return cache.bodies();
  }

  public Optional<Body> body(String id) {
    return cache.body(id);
  }

  public List<Person> people() {
    return cache.people();
  }

  public Optional<Person> person(String id) {
    return cache.person(id);
  }

  /**
   * The active ones among these people, in one query, keyed by id in the order asked; whoever is
   * not in the directory (or no longer active) is left out.
   */
  public Map<String, Person> people(Collection<String> ids) {
    return cache.people(ids);
  }

  public Optional<Person> personByEmail(String email) {
    return repository.personByEmail(email);
  }

  public List<Membership> membershipsOf(String personId) {
    return cache.membershipsOf(personId);
  }

  public List<Membership> membersOf(String bodyId) {
    return cache.membersOf(bodyId);
  }

  public List<Membership> memberships() {
    return repository.memberships();
  }

  /** The encoded password stored for a person in the directory file, if any. */
  public Optional<String> passwordHash(String personId) {
    return repository.passwordHash(personId);
  }

  /**
   * The rule that turns seats into access: the secretariat launches, the Presidency and the
   * Secretary General lead, everyone seated is a member, operators are flagged in the file.
   */
  public Set<AccessRole> accessRoles(Person person, List<Membership> seats) {
    Set<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
    // one query for the body types, not one per seat: this runs at every HTTP Basic call
    Map<String, BodyType> types =
        seats.isEmpty()
            ? Map.of()
            : bodies().stream().collect(Collectors.toMap(Body::id, Body::type));
    for (Membership seat : seats) {
      roles.add(AccessRole.MEMBER);
      BodyType type = types.get(seat.bodyId());
      if (type == BodyType.SECRETARIAT) {
        roles.add(AccessRole.SECRETARIAT);
      }
      if (type == BodyType.PRESIDENCY || seat.role() == Role.SECRETARY_GENERAL) {
        roles.add(AccessRole.LEADERSHIP);
      }
    }
    if (person.admin()) {
      roles.add(AccessRole.ADMIN);
    }
    return roles;
  }
}
