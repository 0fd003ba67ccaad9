package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.govflow.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

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
}
