package org.govflow.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details as every module's API answers a refusal: the status, the reason in the
 * caller's language, {@code application/problem+json}. One place, so that the modules' advices
 * (documents, inbox) cannot drift apart.
 */
public final class Problems {

  private Problems() {}

  /** A problem whose detail is a message of the bundles, in the caller's language. */
  public static ProblemDetail of(
      int status, MessageSource messages, String key, Object[] args, Locale locale) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatusCode.valueOf(status), messages.getMessage(key, args, key, locale));
  }

  /** The answer carrying a problem, with its status and media type. */
  public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
