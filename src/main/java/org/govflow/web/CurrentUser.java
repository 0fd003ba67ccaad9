package org.govflow.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is asking, as every controller sees it, however they logged in (form, HTTP Basic, OpenID
 * Connect): the person's directory id and the bodies they act for.
 */
public record CurrentUser(String personId, Set<String> bodies) {

  /** Authorities carrying a body the user acts for: {@code BODY_council-right-to-city}. */
  public static final String BODY_PREFIX = "BODY_";

  public static CurrentUser of(Authentication authentication) {
    Set<String> bodies =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(BODY_PREFIX))
            .map(a -> a.substring(BODY_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(authentication.getName(), bodies);
  }
}
