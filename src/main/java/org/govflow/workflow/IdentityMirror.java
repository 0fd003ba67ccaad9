package org.govflow.workflow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Mirrors the organisation into Camunda's identity tables: a group per body, a user per person, a
 * membership per seat, and the operators in {@code camunda-admin}. Tasks routed with {@code
 * candidateGroups="council-right-to-city"} then show up both in our inbox and in Camunda Tasklist.
 * Writes only differences, so a second run with the same organisation changes nothing; joins the
 * caller's transaction.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class IdentityMirror {

  /** Marks the groups this mirror owns, so groups made by hand in Camunda Admin are left alone. */
  static final String GROUP_TYPE = "govflow-body";

  private final IdentityService identity;

  /** A body, as a Camunda group. */
  public record Body(String id, String name) {}

  /**
   * A person, as a Camunda user.
   *
   * @param operator whether they administer Camunda ({@code camunda-admin})
   */
  public record Person(String id, String name, String email, boolean operator) {}

  /**
   * Brings the identity tables in line; returns how many changes that took.
   *
   * @param members the people of each body, by body id
   */
  public int mirror(List<Body> bodies, List<Person> people, Map<String, Set<String>> members) {
    Map<String, Group> groups =
        identity.createGroupQuery().list().stream().collect(Collectors.toMap(Group::getId, g -> g));
    Set<String> wantedGroups = bodies.stream().map(Body::id).collect(Collectors.toSet());
    int changes = groups(bodies, people, groups);
    for (Group group : groups.values()) {
      if (GROUP_TYPE.equals(group.getType()) && !wantedGroups.contains(group.getId())) {
        identity.deleteGroup(group.getId());
        changes++;
      }
    }
    changes += users(people);
    Map<String, Set<String>> wantedMembers = new HashMap<>(members);
    Set<String> operators =
        people.stream().filter(Person::operator).map(Person::id).collect(Collectors.toSet());
    if (!operators.isEmpty()) {
      wantedMembers.put(Groups.CAMUNDA_ADMIN, operators);
    }
    Set<String> managedGroups = new HashSet<>(wantedGroups);
    managedGroups.add(Groups.CAMUNDA_ADMIN);
    for (String groupId : managedGroups) {
      changes += memberships(groupId, wantedMembers.getOrDefault(groupId, Set.of()));
    }
    return changes;
  }

  private int groups(List<Body> bodies, List<Person> people, Map<String, Group> groups) {
    int changes = 0;
    for (Body body : bodies) {
      Group group = groups.get(body.id());
      if (group == null) {
        group = identity.newGroup(body.id());
      } else if (Objects.equals(group.getName(), body.name())
          && GROUP_TYPE.equals(group.getType())) {
        continue;
      }
      group.setName(body.name());
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
      changes++;
    }
    if (people.stream().anyMatch(Person::operator) && !groups.containsKey(Groups.CAMUNDA_ADMIN)) {
      Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
      admins.setName("Camunda operators");
      admins.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(admins);
      changes++;
    }
    return changes;
  }

  private int users(List<Person> people) {
    int changes = 0;
    Map<String, User> users =
        identity.createUserQuery().list().stream().collect(Collectors.toMap(User::getId, u -> u));
    Set<String> wantedUsers = new HashSet<>();
    for (Person person : people) {
      wantedUsers.add(person.id());
      String[] names = splitName(person.name());
      User user = users.get(person.id());
      if (user == null) {
        user = identity.newUser(person.id());
      } else if (Objects.equals(user.getFirstName(), names[0])
          && Objects.equals(user.getLastName(), names[1])
          && Objects.equals(user.getEmail(), person.email())) {
        continue;
      }
      user.setFirstName(names[0]);
      user.setLastName(names[1]);
      user.setEmail(person.email());
      identity.saveUser(user);
      changes++;
    }
    for (String userId : users.keySet()) {
      if (!wantedUsers.contains(userId)) {
        identity.deleteUser(userId);
        changes++;
      }
    }
    return changes;
  }

  private int memberships(String groupId, Set<String> wanted) {
    int changes = 0;
    Set<String> current =
        identity.createUserQuery().memberOfGroup(groupId).list().stream()
            .map(User::getId)
            .collect(Collectors.toSet());
    for (String userId : wanted) {
      if (!current.contains(userId)) {
        identity.createMembership(userId, groupId);
        changes++;
      }
    }
    for (String userId : current) {
      if (!wanted.contains(userId)) {
        identity.deleteMembership(userId, groupId);
        changes++;
      }
    }
    return changes;
  }

  /** Camunda keeps first and last names apart; the directory keeps a person's name whole. */
  static String[] splitName(String name) {
    int space = name.lastIndexOf(' ');
    return space < 0
        ? new String[] {name, ""}
        : new String[] {name.substring(0, space), name.substring(space + 1)};
  }
}
