package org.govflow.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every login attempt to the {@link LoginThrottle}: a post of the login form, a request with
 * HTTP Basic credentials, a request with a bearer token. An attempt that must wait is refused
 * before its credentials are checked: on the API with 429 and {@code Retry-After}, on the login
 * form by the login page saying how long to wait.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  /** The login page, telling the person how many seconds to wait. */
  static final String WAIT_URL = "/login?wait=";

  private final LoginThrottle throttle;
  private final ProblemResponses problems;
  private final boolean form;

  /**
   * @param form whether this guards the login form (a page chain) rather than an API's headers
   */
  LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems, boolean form) {
    this.throttle = throttle;
    this.problems = problems;
    this.form = form;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Attempt attempt = form ? formAttempt(request) : headerAttempt(request);
    if (attempt == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBeforeNext(attempt.account(), address);
    if (!wait.isZero()) {
      if (form) {
        response.sendRedirect(request.getContextPath() + WAIT_URL + seconds(wait));
      } else {
        problems.tooManyAttempts(request, response, wait);
      }
      return;
    }
    chain.doFilter(request, response);
    if (form) {
      // a failure is counted by the form's failure handler (SecurityConfiguration)
      if (authenticated()) {
        throttle.succeeded(attempt.account());
      }
    } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(attempt.account(), address);
    } else {
      throttle.succeeded(attempt.account());
    }
  }

  /** Whole seconds to wait, at least one. */
  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static boolean authenticated() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  private static Attempt formAttempt(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      return null;
    }
    String username = request.getParameter("username");
    return new Attempt(username == null ? "" : username);
  }

  private static Attempt headerAttempt(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new Attempt(basicUser(header.substring(6).strip()));
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // a token names no account: the address alone is counted
      return new Attempt(null);
    }
    return null;
  }

  private static String basicUser(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private record Attempt(String account) {}
}
