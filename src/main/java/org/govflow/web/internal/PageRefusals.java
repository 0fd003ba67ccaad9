package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.govflow.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A refusal on a page that does not show it beside its fields: a page in the reader's language that
 * says what happened, with the matching status. The API's advice comes first for REST controllers,
 * which are controllers too.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PageRefusals {

  @ExceptionHandler(Refusal.class)
  String refused(Refusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(refusal.reason().status());
    model.addAttribute("messageKey", refusal.messageKey());
    model.addAttribute("args", refusal.args());
    model.addAttribute("errors", refusal.errors());
    return "refused";
  }

  /**
   * A form field that is missing or cannot be read as its type (an unknown choice, a text for a
   * number, a malformed date): a refusal that says so, not the error page's "the address is not
   * valid". A path variable of the wrong type is the address's fault, and still answered so.
   */
  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  String formValue(Exception e, Model model, HttpServletResponse response) {
    if (e instanceof MethodArgumentTypeMismatchException mismatch
        && !mismatch.getParameter().hasParameterAnnotation(RequestParam.class)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("status", HttpServletResponse.SC_BAD_REQUEST);
      return "error";
    }
    return refused(
        new Refusal(
            Refusal.Reason.INVALID,
            e instanceof MissingServletRequestParameterException
                ? "security.form.valueMissing"
                : "security.form.valueNotValid"),
        model,
        response);
  }
}
