package org.govflow.inbox.internal;

import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A query parameter of the wrong type ({@code page=abc}) answered as web's ApiRefusals answers
 * unreadable JSON; the rest of the inbox API's refusals are ApiRefusals' own.
 */
@RestControllerAdvice(assignableTypes = {InboxApiController.class, ProcessApiController.class})
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InboxApiAdvice {

  private final MessageSource messages;

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e, Locale locale) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST.value(), messages, "problem.unreadable", null, locale);
    problem.setProperty("errors", List.of());
    return Problems.answer(problem);
  }
}
