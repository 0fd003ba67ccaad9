package org.govflow.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How OpenID Connect users map onto the directory, used when spring.security.oauth2.client.* is
 * configured.
 *
 * @param oidc the claims to read and how groups map to bodies
 * @param loginThrottle how many failed logins an account and a client address may make
 */
@ConfigurationProperties("govflow.security")
record SecuritySettings(@DefaultValue Oidc oidc, @DefaultValue LoginThrottle loginThrottle) {

  /**
   * Failed logins (login form, HTTP Basic, bearer tokens) allowed before the next attempt must
   * wait. Each limit allows {@code failures} per {@code period}, counted from the first failure;
   * several limits make the back-off: a few failures wait a minute, many wait an hour.
   *
   * @param enabled whether logins are throttled at all
   * @param account limits per account name as typed (whether or not such an account exists)
   * @param address limits per client address (the proxy's {@code X-Forwarded-For} behind TLS)
   * @param maxTracked how many accounts and addresses are remembered at most
   */
  record LoginThrottle(
      @DefaultValue("true") boolean enabled,
      List<Limit> account,
      List<Limit> address,
      @DefaultValue("100000") long maxTracked) {

    LoginThrottle {
      account =
          account == null || account.isEmpty()
              ? List.of(new Limit(5, Duration.ofMinutes(1)), new Limit(20, Duration.ofHours(1)))
              : List.copyOf(account);
      address =
          address == null || address.isEmpty()
              ? List.of(new Limit(30, Duration.ofMinutes(1)), new Limit(200, Duration.ofHours(1)))
              : List.copyOf(address);
    }
  }

  /**
   * @param failures failed attempts allowed in one period
   * @param period how long until the failures are forgotten
   */
  record Limit(int failures, Duration period) {

    Limit {
      if (failures < 1 || period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException(
            "A login throttle limit needs failures >= 1 and a positive period");
      }
    }
  }

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
