package org.govflow.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.DeclarationConcluded;
import org.govflow.declaration.DeclarationConcluded.GroupAmendment;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every member of each contributor group how a declaration ended: one mail per person, in
 * their language, with the outcome, a link to the text and, for each of their groups, what became
 * of the group's amendments (disposition and the committee's reason). Once per declaration and
 * person, however many of the groups they sit in.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationOutcomeLetters {

  static final String KIND = "DECLARATION_OUTCOME";

  private final Directory directory;
  private final Letters letters;

  /** A group as one reader reads it: its name in their language and its amendments. */
  record GroupView(String name, List<GroupAmendment> amendments) {}

  @ApplicationModuleListener
  void on(DeclarationConcluded event) {
    // person -> the contributor groups they sit in, in the declaration's order
    Map<String, List<String>> groupsOf = new LinkedHashMap<>();
    for (String group : event.groups()) {
      for (Membership seat : directory.membersOf(group)) {
        List<String> groups = groupsOf.computeIfAbsent(seat.personId(), k -> new ArrayList<>());
        if (!groups.contains(group)) {
          groups.add(group);
        }
      }
    }
    String link = letters.link(event.path());
    groupsOf.forEach(
        (personId, groups) -> {
          Person person = directory.person(personId).orElse(null);
          if (person == null) {
            return;
          }
          List<GroupView> views = new ArrayList<>();
          for (String group : groups) {
            String name =
                directory
                    .body(group)
                    .map(Body::name)
                    .map(n -> n.in(person.language()))
                    .orElse(group);
            views.add(
                new GroupView(
                    name,
                    event.amendments().stream().filter(a -> a.group().equals(group)).toList()));
          }
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("title", event.title());
          model.put("businessKey", event.businessKey());
          model.put("outcome", event.outcome());
          model.put("groups", views);
          model.put("link", link);
          model.put("subjectArgs", new Object[] {event.title()});
          letters.write(
              person,
              new Letters.Envelope(
                  "declaration:" + event.processInstanceId() + ":" + KIND + ":" + personId,
                  KIND,
                  null,
                  link),
              "declaration-outcome",
              "declaration.mail.outcome.subject."
                  + ("adopted".equals(event.outcome()) ? "adopted" : "notAdopted"),
              model);
        });
  }
}
