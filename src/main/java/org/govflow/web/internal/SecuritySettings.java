package org.govflow.web.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How OpenID Connect users map onto the directory, used when spring.security.oauth2.client.* is
 * configured.
 *
 * @param oidc the claims to read and how groups map to bodies
 */
@ConfigurationProperties("govflow.security")
record SecuritySettings(@DefaultValue Oidc oidc) {

  /**
   * @param usernameClaim the claim holding the directory person id (falls back to the e-mail)
   * @param groupsClaim the claim listing the user's groups
   * @param groupMapping group name in the claim to body id; a group already named like a body id
   *     maps to that body without an entry. Names with characters other than letters, digits and
   *     {@code -} (a Keycloak group path such as {@code /councils/rtc}) must be written in brackets
   *     as property keys: {@code "[/councils/rtc]": council-right-to-city}
   * @param requireVerifiedEmail whether the e-mail finds a person only when the token says {@code
   *     email_verified: true}; turn off only for a provider that issues the addresses itself
   * @param audiences the audiences a bearer token on the API must carry one of (the {@code aud}
   *     claim); none configured accepts any token the provider signed
   */
  record Oidc(
      @DefaultValue("preferred_username") String usernameClaim,
      @DefaultValue("groups") String groupsClaim,
      Map<String, String> groupMapping,
      @DefaultValue("true") boolean requireVerifiedEmail,
      List<String> audiences) {

    String bodyFor(String group) {
      return groupMapping == null ? group : groupMapping.getOrDefault(group, group);
    }
  }
}
