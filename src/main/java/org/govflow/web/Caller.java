package org.govflow.web;

import java.util.EnumSet;
import java.util.Set;
import org.govflow.directory.AccessRole;
import org.govflow.workflow.Participant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is asking: their directory id, the bodies they act for and what they may do. */
public record Caller(String personId, Set<String> bodies, Set<AccessRole> roles) {

  public static Caller of(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    Set<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
    for (GrantedAuthority a : authentication.getAuthorities()) {
      for (AccessRole role : AccessRole.values()) {
        if (role.authority().equals(a.getAuthority())) {
          roles.add(role);
        }
      }
    }
    return new Caller(user.personId(), user.bodies(), Set.copyOf(roles));
  }

  /** The same person as the workflow module sees them. */
  public Participant participant() {
    return new Participant(personId, bodies, overseesAll());
  }

  /** The secretariat and leadership see every process and may launch. */
  public boolean overseesAll() {
    return roles.contains(AccessRole.SECRETARIAT) || roles.contains(AccessRole.LEADERSHIP);
  }
}
