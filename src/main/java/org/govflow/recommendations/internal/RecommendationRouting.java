package org.govflow.recommendations.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Role;
import org.springframework.stereotype.Component;

/**
 * Who a recommendation's steps go to, from the directory at the time the step starts: the council's
 * co-chairs (or chair) review, all its members vote.
 */
@Component("recommendationRouting")
@RequiredArgsConstructor
public class RecommendationRouting {

  private final Directory directory;

  /** The council's chair and co-chairs, one review task each. */
  public List<String> coChairs(String councilId) {
    return directory.membersOf(councilId).stream()
        .filter(m -> m.role() == Role.CO_CHAIR || m.role() == Role.CHAIR)
        .map(Membership::personId)
        .distinct()
        .sorted()
        .toList();
  }

  /** Who answers for a Section: its focal point, else its first member. */
  public String focalPoint(String sectionId) {
    List<Membership> members = directory.membersOf(sectionId);
    return members.stream()
        .filter(m -> m.role() == Role.FOCAL_POINT)
        .findFirst()
        .or(() -> members.stream().findFirst())
        .map(Membership::personId)
        .orElseThrow(() -> new IllegalStateException(sectionId + " has no members"));
  }

  /**
   * Whether a person may launch a recommendation for the council: its chair or a co-chair, or
   * someone who oversees every process (the secretariat, leadership).
   */
  public boolean mayLaunchFor(String personId, String councilId) {
    boolean oversees =
        directory
            .person(personId)
            .map(p -> directory.accessRoles(p, directory.membershipsOf(personId)))
            .filter(r -> r.contains(AccessRole.SECRETARIAT) || r.contains(AccessRole.LEADERSHIP))
            .isPresent();
    return oversees || coChairs(councilId).contains(personId);
  }

  /** Every member of the council, co-chairs included, one vote task each. */
  public List<String> members(String councilId) {
    return directory.membersOf(councilId).stream()
        .map(Membership::personId)
        .distinct()
        .sorted()
        .toList();
  }
}
