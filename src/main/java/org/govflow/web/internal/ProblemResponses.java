package org.govflow.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 for API callers as RFC 9457 problem details, in the caller's language. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemResponses {

  private final ObjectMapper json;
  private final MessageSource messages;

  AuthenticationEntryPoint unauthorized() {
    return unauthorized(false);
  }

  /**
   * 401 with a bearer challenge (personal access tokens, and OpenID Connect tokens when
   * configured). The HTTP Basic challenge goes only to a client that tried Basic: a browser that is
   * never challenged never asks for a password and holds none to send along with another site's
   * request.
   */
  AuthenticationEntryPoint unauthorized(boolean bearer) {
    return (request, response, e) -> {
      String tried = request.getHeader("Authorization");
      if (tried != null && tried.regionMatches(true, 0, "Basic ", 0, 6)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"govflow\"");
      }
      response.addHeader("WWW-Authenticate", "Bearer");
      write(response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", request.getRequestURI());
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(response, HttpStatus.FORBIDDEN, "problem.forbidden", request.getRequestURI());
  }

  /** 429: too many failed logins from this account or address; try again after the wait. */
  void tooManyAttempts(
      HttpServletRequest request, HttpServletResponse response, java.time.Duration wait)
      throws IOException {
    long seconds = LoginThrottleFilter.seconds(wait);
    response.setHeader("Retry-After", Long.toString(seconds));
    write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "security.problem.tooManyLogins",
        request.getRequestURI(),
        seconds);
  }

  private void write(
      HttpServletResponse response, HttpStatus status, String key, String path, Object... args)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    problem.setInstance(java.net.URI.create(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
