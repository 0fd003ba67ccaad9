package org.govflow.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.stereotype.Component;

/**
 * Who an identity provider's claims are here, for OpenID Connect login (the ID token) and bearer
 * tokens on the API (the access token) alike: the directory person named by the username claim, or
 * else the one with the token's verified e-mail, with the bodies they sit in plus those the groups
 * claim names. Someone the directory does not know is refused.
 */
@Component
class OidcPeople {

  private final Directory directory;
  private final Authorities authorities;
  private final SecuritySettings.Oidc settings;

  OidcPeople(Directory directory, Authorities authorities, SecuritySettings settings) {
    this.directory = directory;
    this.authorities = authorities;
    this.settings = settings.oidc();
  }

  /** The directory person and their authorities, or {@link UnknownPersonException}. */
  Identified identify(ClaimAccessor claims) {
    Person person = person(claims);
    return new Identified(person, authorities.of(person, bodies(claims)));
  }

  private Person person(ClaimAccessor claims) {
    String username = claims.getClaimAsString(settings.usernameClaim());
    String email = claims.getClaimAsString(StandardClaimNames.EMAIL);
    // an e-mail the provider has not verified could be anyone's: it names nobody unless the
    // installation says its provider only hands out addresses it controls
    boolean emailTrusted =
        !settings.requireVerifiedEmail()
            || Boolean.TRUE.equals(claims.getClaimAsBoolean(StandardClaimNames.EMAIL_VERIFIED));
    return Optional.ofNullable(username)
        .flatMap(directory::person)
        .or(
            () ->
                Optional.ofNullable(email)
                    .filter(e -> emailTrusted)
                    .flatMap(directory::personByEmail))
        .orElseThrow(
            () ->
                new UnknownPersonException(
                    username != null
                        ? username
                        : email != null ? email : claims.getClaimAsString(StandardClaimNames.SUB)));
  }

  /** The bodies the groups claim names that the directory knows; other groups mean nothing here. */
  private List<String> bodies(ClaimAccessor claims) {
    if (!claims.hasClaim(settings.groupsClaim())) {
      return List.of();
    }
    List<String> groups = claims.getClaimAsStringList(settings.groupsClaim());
    if (groups == null || groups.isEmpty()) {
      return List.of();
    }
    Set<String> known = directory.bodies().stream().map(Body::id).collect(Collectors.toSet());
    return groups.stream().map(settings::bodyFor).filter(known::contains).distinct().toList();
  }

  record Identified(Person person, List<GrantedAuthority> authorities) {}

  /** The provider vouched for someone the directory does not know. */
  static final class UnknownPersonException extends OAuth2AuthenticationException {

    static final String ERROR_CODE = "unknown_person";
    private static final long serialVersionUID = 1L;

    private final String login;

    UnknownPersonException(String login) {
      super(new OAuth2Error(ERROR_CODE, "'" + login + "' is not in the govflow directory", null));
      this.login = login;
    }

    /** The username (or e-mail) the provider gave, to tell the person who they were taken for. */
    String login() {
      return login;
    }
  }
}
