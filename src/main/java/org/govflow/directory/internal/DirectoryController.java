package org.govflow.directory.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/directory/bodies}: the bodies with their members, in the caller's language.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DirectoryController {

  private final Directory directory;

  @Operation(
      summary = "The bodies of the organisation with their members and roles",
      operationId = "listBodies")
  @GetMapping("/api/v1/directory/bodies")
  List<BodyView> bodies(Locale locale) {
    Map<String, Person> people =
        directory.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
    Map<String, List<Membership>> seats =
        directory.memberships().stream().collect(Collectors.groupingBy(Membership::bodyId));
    return directory.bodies().stream()
        .map(
            body ->
                new BodyView(
                    body.id(),
                    body.name().in(locale),
                    body.type().key(),
                    body.region(),
                    seats.getOrDefault(body.id(), List.of()).stream()
                        .map(
                            s ->
                                new MemberView(
                                    s.personId(), people.get(s.personId()).name(), s.role().key()))
                        .toList()))
        .toList();
  }

  record BodyView(String id, String name, String type, String region, List<MemberView> members) {}

  record MemberView(String id, String name, String role) {}
}
