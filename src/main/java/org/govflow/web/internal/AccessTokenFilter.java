package org.govflow.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer gfpat_…}: a personal access token ({@link AccessTokens}) stands for
 * its person, with the rights their seats give them now, for this request only (nothing is kept in
 * a session). A token that is unknown or revoked is answered 401 at once. Other bearer tokens (an
 * OpenID Connect JWT) are left to the resource server.
 */
final class AccessTokenFilter extends OncePerRequestFilter {

  private final AccessTokens tokens;
  private final UserDetailsService people;
  private final AuthenticationEntryPoint unauthorized;

  AccessTokenFilter(
      AccessTokens tokens, UserDetailsService people, AuthenticationEntryPoint unauthorized) {
    this.tokens = tokens;
    this.people = people;
    this.unauthorized = unauthorized;
  }

  /** Our token in the request's Authorization header, or null. */
  static String token(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.startsWith(AccessTokens.PREFIX) ? token : null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = token(request);
    if (token == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserDetails> person = tokens.personOf(token).flatMap(this::load);
    if (person.isEmpty()) {
      SecurityContextHolder.clearContext();
      unauthorized.commence(
          request, response, new BadCredentialsException("Unknown or revoked access token"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            person.get().getUsername(), null, person.get().getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Optional<UserDetails> load(String personId) {
    try {
      return Optional.of(people.loadUserByUsername(personId));
    } catch (UsernameNotFoundException e) {
      return Optional.empty();
    }
  }
}
