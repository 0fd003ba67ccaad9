package org.govflow.web.internal;

import java.util.Collection;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login: the identity provider vouches for who the user is; the directory says who
 * that is here ({@link OidcPeople}: the username claim or the verified e-mail, plus the bodies the
 * groups claim names). Someone the directory does not know is refused.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DirectoryOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final OidcPeople people;

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    OidcPeople.Identified identified = people.identify(user);
    return new DirectoryOidcUser(identified.person().id(), identified.authorities(), user);
  }

  /** An OIDC user whose name is their directory id, like every other way of logging in. */
  static final class DirectoryOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String personId;

    DirectoryOidcUser(
        String personId, Collection<? extends GrantedAuthority> authorities, OidcUser user) {
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
