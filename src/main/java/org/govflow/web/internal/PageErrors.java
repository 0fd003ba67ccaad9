package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * HTML for browsers, JSON for the API: a page address that is unknown, or that a controller answers
 * with a status (a meeting, a decision that does not exist, the public page switched off), gets the
 * error page in the reader's language with that status; an address under {@code /api/} keeps its
 * problem details. Refusals are answered before, by {@link ApiRefusals} and {@link PageRefusals}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PageErrors {

  @ExceptionHandler({
    ErrorResponseException.class,
    NoResourceFoundException.class,
    NoHandlerFoundException.class,
    HttpRequestMethodNotSupportedException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  Object failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
    int status =
        e instanceof ErrorResponse answer
            ? answer.getStatusCode().value()
            : HttpStatus.BAD_REQUEST.value();
    if (api(request)) {
      ProblemDetail problem =
          e instanceof ErrorResponse answer ? answer.getBody() : ProblemDetail.forStatus(status);
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    response.setStatus(status);
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.valueOf(status));
    page.addObject("status", status);
    return page;
  }

  /** The API, or a script that asks for JSON and not for a page. */
  private static boolean api(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && !accept.contains("text/html") && accept.contains("json");
  }
}
