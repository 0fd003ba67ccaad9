package org.govflow.web.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.web.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Turns a person's seats into Spring Security authorities: their access roles and bodies. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Authorities {

  private final Directory directory;

  List<GrantedAuthority> of(Person person, Collection<String> extraBodies) {
    List<Membership> seats = new ArrayList<>(directory.membershipsOf(person.id()));
    for (String body : extraBodies) {
      if (seats.stream().noneMatch(s -> s.bodyId().equals(body))) {
        seats.add(new Membership(body, person.id(), org.govflow.directory.Role.MEMBER));
      }
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (AccessRole role : directory.accessRoles(person, seats)) {
      authorities.add(new SimpleGrantedAuthority(role.authority()));
    }
    for (Membership seat : seats) {
      authorities.add(new SimpleGrantedAuthority(CurrentUser.BODY_PREFIX + seat.bodyId()));
    }
    return authorities;
  }
}
