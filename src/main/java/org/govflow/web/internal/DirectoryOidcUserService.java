package org.govflow.web.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login: the identity provider vouches for who the user is; the directory says who
 * that is here. The user is found by the username claim or their e-mail, and the groups claim adds
 * the bodies it names to the ones they sit in. Someone the directory does not know is refused.
 */
class DirectoryOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final Directory directory;
  private final Authorities authorities;
  private final SecuritySettings.Oidc settings;

  DirectoryOidcUserService(
      Directory directory, Authorities authorities, SecuritySettings settings) {
    this.directory = directory;
    this.authorities = authorities;
    this.settings = settings.oidc();
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    String username = user.getClaimAsString(settings.usernameClaim());
    Person person =
        Optional.ofNullable(username)
            .flatMap(directory::person)
            .or(() -> Optional.ofNullable(user.getEmail()).flatMap(directory::personByEmail))
            .orElseThrow(
                () ->
                    new OAuth2AuthenticationException(
                        new OAuth2Error(
                            "unknown_user",
                            "'"
                                + (username != null ? username : user.getEmail())
                                + "' is not in the govflow directory",
                            null)));
    Set<String> known = directory.bodies().stream().map(Body::id).collect(Collectors.toSet());
    List<String> groups =
        Optional.ofNullable(user.getClaimAsStringList(settings.groupsClaim())).orElse(List.of());
    List<String> bodies = groups.stream().map(settings::bodyFor).filter(known::contains).toList();
    return new DirectoryOidcUser(person.id(), authorities.of(person, bodies), user);
  }

  /** An OIDC user whose name is their directory id, like every other way of logging in. */
  static final class DirectoryOidcUser extends DefaultOidcUser {
    private final String personId;

    DirectoryOidcUser(
        String personId,
        Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
        OidcUser user) {
      super(authorities, user.getIdToken(), user.getUserInfo());
      this.personId = personId;
    }

    @Override
    public String getName() {
      return personId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DirectoryOidcUser other
          && super.equals(o)
          && personId.equals(other.personId);
    }

    @Override
    public int hashCode() {
      return super.hashCode() * 31 + personId.hashCode();
    }
  }
}
