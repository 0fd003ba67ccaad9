package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Bearer tokens on the API from the providers people log in with: a JWT signed by the issuer of a
 * configured OpenID Connect client (keys from its JWK set, found through its discovery document),
 * unexpired, carrying one of the configured audiences if any, names its directory person exactly as
 * an OIDC login would ({@link OidcPeople}). Tokens from any other issuer are refused.
 */
final class BearerTokens {

  private BearerTokens() {}

  /** The issuers of the configured clients, or none when OpenID Connect is not configured. */
  static List<String> issuers(ClientRegistrationRepository clients) {
    List<String> issuers = new ArrayList<>();
    if (clients instanceof Iterable<?> registrations) {
      for (Object registration : registrations) {
        if (registration instanceof ClientRegistration client
            && client.getProviderDetails().getIssuerUri() != null
            && !issuers.contains(client.getProviderDetails().getIssuerUri())) {
          issuers.add(client.getProviderDetails().getIssuerUri());
        }
      }
    }
    return issuers;
  }

  /** Picks the issuer's authentication by the token's {@code iss}; unknown issuers get none. */
  static AuthenticationManagerResolver<HttpServletRequest> resolver(
      List<String> issuers, OidcPeople people, List<String> audiences) {
    Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    return new JwtIssuerAuthenticationManagerResolver(
        (String issuer) ->
            issuers.contains(issuer)
                ? managers.computeIfAbsent(issuer, i -> manager(i, people, audiences))
                : null);
  }

  private static AuthenticationManager manager(
      String issuer, OidcPeople people, List<String> audiences) {
    // the discovery document and keys are fetched on the first token, then cached
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(issuer));
    if (audiences != null && !audiences.isEmpty()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(
        jwt -> {
          OidcPeople.Identified identified = people.identify(jwt);
          return new JwtAuthenticationToken(
              jwt, identified.authorities(), identified.person().id());
        });
    return provider::authenticate;
  }
}
