package org.govflow.directory.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.govflow.directory.Body;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.stereotype.Component;

/**
 * Mirrors the directory into Camunda's identity tables: a group per body, a user per person, a
 * membership per seat, and the operators in {@code camunda-admin}. Tasks routed with {@code
 * candidateGroups="council-right-to-city"} then show up both in our inbox and in Camunda Tasklist.
 * Writes only differences, so a second run with the same directory changes nothing.
 */
@Component
class CamundaIdentityMirror {

  /** Marks the groups this mirror owns, so groups made by hand in Camunda Admin are left alone. */
  static final String GROUP_TYPE = "govflow-body";

  private final IdentityService identity;

  CamundaIdentityMirror(IdentityService identity) {
    this.identity = identity;
  }

  int mirror(List<Body> bodies, List<Person> people, List<Membership> memberships) {
    int changes = 0;
    Map<String, Group> groups =
        identity.createGroupQuery().list().stream().collect(Collectors.toMap(Group::getId, g -> g));
    Set<String> wantedGroups = new HashSet<>();
    for (Body body : bodies) {
      wantedGroups.add(body.id());
      Group group = groups.get(body.id());
      if (group == null) {
        group = identity.newGroup(body.id());
      } else if (Objects.equals(group.getName(), body.name().en())
          && GROUP_TYPE.equals(group.getType())) {
        continue;
      }
      group.setName(body.name().en());
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
      changes++;
    }
    if (people.stream().anyMatch(Person::admin) && !groups.containsKey(Groups.CAMUNDA_ADMIN)) {
      Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
      admins.setName("Camunda operators");
      admins.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(admins);
      changes++;
    }
    for (Group group : groups.values()) {
      if (GROUP_TYPE.equals(group.getType()) && !wantedGroups.contains(group.getId())) {
        identity.deleteGroup(group.getId());
        changes++;
      }
    }

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

    Map<String, Set<String>> wantedMembers = new HashMap<>();
    memberships.forEach(
        m -> wantedMembers.computeIfAbsent(m.bodyId(), k -> new HashSet<>()).add(m.personId()));
    Set<String> admins =
        people.stream().filter(Person::admin).map(Person::id).collect(Collectors.toSet());
    if (!admins.isEmpty()) {
      wantedMembers.put(Groups.CAMUNDA_ADMIN, admins);
    }
    Set<String> managedGroups = new HashSet<>(wantedGroups);
    managedGroups.add(Groups.CAMUNDA_ADMIN);
    for (String groupId : managedGroups) {
      Set<String> wanted = wantedMembers.getOrDefault(groupId, Set.of());
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
