package org.govflow.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/me}: the caller, their bodies and what they may do. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeController {

  private final Directory directory;

  @Operation(
      summary = "The caller: name, e-mail, language, time zone, bodies and roles",
      operationId = "getMe")
  @GetMapping("/api/v1/me")
  Me me(Caller user, Locale locale) {
    Person person =
        directory
            .person(user.personId())
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Not in the directory"));
    List<Membership> seats = directory.membershipsOf(person.id());
    List<Me.BodySeat> bodies =
        user.bodies().stream()
            .sorted()
            .map(id -> directory.body(id).orElse(null))
            .filter(java.util.Objects::nonNull)
            .map(
                body ->
                    new Me.BodySeat(
                        body.id(),
                        body.name().in(locale),
                        body.type().key(),
                        seats.stream()
                            .filter(s -> s.bodyId().equals(body.id()))
                            .map(s -> s.role().key())
                            .findFirst()
                            .orElse(null)))
            .toList();
    List<String> roles = user.roles().stream().map(AccessRole::key).sorted().toList();
    return new Me(
        person.id(),
        person.name(),
        person.email(),
        person.language().getLanguage(),
        person.timeZone().getId(),
        bodies,
        roles);
  }

  record Me(
      String id,
      String name,
      String email,
      String language,
      String timeZone,
      List<BodySeat> bodies,
      List<String> roles) {

    record BodySeat(String id, String name, String type, String role) {}
  }
}
