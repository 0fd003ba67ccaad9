package org.govflow.web.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Problems;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How every API answers a refusal: RFC 9457 problem details, the detail in the caller's language,
 * and the fields to fix in {@code errors} (each with {@code field} and {@code message}). Request
 * records that fail Bean Validation are answered the same way.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiRefusals {

  private final MessageSource messages;

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal refusal, Locale locale) {
    ProblemDetail problem =
        Problems.of(
            refusal.reason().status(), messages, refusal.messageKey(), refusal.args(), locale);
    if (!refusal.errors().isEmpty()) {
      problem.setProperty(
          "errors",
          refusal.errors().stream()
              .map(e -> Map.of("field", e.field(), "message", text(e.message(), locale)))
              .toList());
    }
    return Problems.answer(problem);
  }

  /** A request record that fails its Bean Validation constraints. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), messages.getMessage(f, locale)))
            .toList();
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST.value(), messages, "problem.invalid", null, locale);
    problem.setProperty("errors", fields(errors));
    return Problems.answer(problem);
  }

  /**
   * A required parameter left out: the API's own answer (the pages' advice would otherwise answer
   * it with a page), naming the parameter.
   */
  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, Locale locale) {
    ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST.value(), messages, "problem.invalid", null, locale);
    problem.setProperty(
        "errors",
        fields(
            List.of(
                new FieldError(
                    e.getParameterName(),
                    messages.getMessage("forms.error.required", null, locale)))));
    return Problems.answer(problem);
  }

  /** A body, media type or request value (a path variable, a parameter) that cannot be read. */
  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    HttpMediaTypeNotSupportedException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
    JsonProcessingException json = e.getCause() instanceof JsonProcessingException j ? j : null;
    JsonLocation at = json == null ? null : json.getLocation();
    ProblemDetail problem =
        at == null || at.getLineNr() < 1
            ? Problems.of(
                HttpStatus.BAD_REQUEST.value(), messages, "problem.unreadable", null, locale)
            : Problems.of(
                HttpStatus.BAD_REQUEST.value(),
                messages,
                "security.problem.unreadableAt",
                new Object[] {at.getLineNr(), at.getColumnNr()},
                locale);
    problem.setProperty("errors", fields(wrongFields(json, locale)));
    return Problems.answer(problem);
  }

  /** The field a well-formed body holds a value of the wrong type (or a control character) in. */
  private List<FieldError> wrongFields(JsonProcessingException json, Locale locale) {
    if (!(json instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return List.of();
    }
    String field =
        mapping.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(java.util.stream.Collectors.joining("."))
            .replace(".[", "[");
    boolean control =
        mapping instanceof InvalidFormatException f
            && f.getValue() instanceof String text
            && StrictJson.hasControl(text);
    String code = control ? "security.problem.controlCharacters" : "security.problem.wrongType";
    return List.of(new FieldError(field, messages.getMessage(code, null, locale)));
  }

  /**
   * A field's message: a message code of the bundles, or a text already in the reader's language.
   */
  private String text(String codeOrText, Locale locale) {
    return messages.getMessage(codeOrText, null, codeOrText, locale);
  }

  static List<Map<String, String>> fields(List<FieldError> errors) {
    return errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList();
  }
}
