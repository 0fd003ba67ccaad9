package org.govflow.documents.internal;

import java.util.Locale;
import org.govflow.documents.DocumentRefusal;
import org.govflow.documents.DocumentSettings;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Document refusals as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = DocumentApiController.class)
class DocumentApiAdvice {

  private final MessageSource messages;

  DocumentApiAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(DocumentRefusal.class)
  ResponseEntity<ProblemDetail> refused(DocumentRefusal refusal, Locale locale) {
    HttpStatus status =
        switch (refusal.reason()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
          case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
          case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case INVALID -> HttpStatus.BAD_REQUEST;
        };
    return problem(
        status,
        messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), locale));
  }

  @ExceptionHandler({
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> missing(Exception e, Locale locale) {
    return problem(
        HttpStatus.BAD_REQUEST, messages.getMessage("inbox.documents.noFile", null, locale));
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }

  /**
   * Uploads over the servlet's multipart limit are refused before any controller is chosen, so this
   * handler is not limited to one controller.
   */
  @RestControllerAdvice
  static class UploadLimits {

    private final MessageSource messages;
    private final DocumentSettings settings;

    UploadLimits(MessageSource messages, DocumentSettings settings) {
      this.messages = messages;
      this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          messages.getMessage(
              "inbox.documents.tooLarge", new Object[] {settings.maxSize().toMegabytes()}, locale));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e, Locale locale) {
      return problem(
          HttpStatus.BAD_REQUEST, messages.getMessage("inbox.documents.noFile", null, locale));
    }
  }
}
