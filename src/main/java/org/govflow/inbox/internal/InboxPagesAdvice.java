package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.govflow.inbox.Refusal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a page: a page that says what happened, with the matching status. */
@ControllerAdvice(assignableTypes = InboxPages.class)
class InboxPagesAdvice {

  @ExceptionHandler(Refusal.class)
  String refused(Refusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(refusal.reason().status());
    model.addAttribute("messageKey", refusal.messageKey());
    model.addAttribute("args", refusal.args());
    model.addAttribute("errors", refusal.errors());
    return "inbox/refused";
  }
}
