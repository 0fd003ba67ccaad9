package org.govflow.inbox.internal;

import java.util.List;
import java.util.Locale;
import org.govflow.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals as RFC 9457 problem details in the caller's language; invalid values list their fields
 * in {@code errors}. Only for the inbox's API controllers.
 */
@RestControllerAdvice(assignableTypes = InboxApiController.class)
class InboxApiAdvice {

  private final MessageSource messages;

  InboxApiAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST.value(), messages, "inbox.problem.unreadable", null, locale);
    problem.setProperty("errors", List.of());
    return Problems.answer(problem);
  }
}
