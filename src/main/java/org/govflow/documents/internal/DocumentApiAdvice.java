package org.govflow.documents.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.DocumentSettings;
import org.govflow.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/** Document refusals as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = DocumentApiController.class)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DocumentApiAdvice {

  private final MessageSource messages;

  @ExceptionHandler({
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> missing(Exception e, Locale locale) {
    return problem(HttpStatus.BAD_REQUEST, messages, "inbox.documents.noFile", null, locale);
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, MessageSource messages, String code, Object[] args, Locale locale) {
    return Problems.answer(Problems.of(status.value(), messages, code, args, locale));
  }

  /**
   * Uploads over the servlet's multipart limit are refused before any controller is chosen, so this
   * handler is not limited to one controller. It comes before Spring Boot's problem-details
   * handler, which knows the exception too but only answers with problem details, even to a page's
   * form.
   */
  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class UploadLimits {

    private final MessageSource messages;

    /** The size limit in megabytes, as the message says it. */
    private final Object[] limit;

    UploadLimits(MessageSource messages, DocumentSettings settings) {
      this.messages = messages;
      this.limit = new Object[] {settings.maxSize().toMegabytes()};
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, Locale locale, HttpServletRequest request) {
      if (partHeadersTooLong(e)) {
        // the part's headers (its file name) are over Tomcat's limit, not the file
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return api(request)
            ? problem(status, messages, "inbox.documents.nameTooLong", null, locale)
            : page(request, status, "inbox.documents.nameTooLong", new Object[0]);
      }
      HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
      return api(request)
          ? problem(status, messages, "inbox.documents.tooLarge", limit, locale)
          : page(request, status, "inbox.documents.tooLarge", limit);
    }

    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, Locale locale, HttpServletRequest request) {
      HttpStatus status = HttpStatus.BAD_REQUEST;
      return api(request)
          ? problem(status, messages, "inbox.documents.noFile", null, locale)
          : page(request, status, "inbox.documents.empty", new Object[0]);
    }

    private static boolean partHeadersTooLong(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getMessage() != null && t.getMessage().startsWith("Header section has more than")) {
          return true;
        }
      }
      return false;
    }

    private static boolean api(HttpServletRequest request) {
      return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * An upload form of a page (task or process) refused before its controller ran: a page in the
     * reader's language with a way back to where the form was, rather than problem details.
     */
    private static ModelAndView page(
        HttpServletRequest request, HttpStatus status, String messageKey, Object[] args) {
      ModelAndView page = new ModelAndView("refused", status);
      page.addObject("messageKey", messageKey);
      page.addObject("args", args);
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.endsWith("/documents")) {
        page.addObject("back", path.substring(0, path.length() - "/documents".length()));
      }
      return page;
    }
  }
}
