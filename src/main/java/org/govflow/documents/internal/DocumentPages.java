package org.govflow.documents.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.govflow.documents.DocumentRefusal;
import org.govflow.documents.Documents;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The changes between a text version and the one before, as a page. */
@Controller
class DocumentPages {

  private final Documents documents;

  DocumentPages(Documents documents) {
    this.documents = documents;
  }

  @GetMapping("/documents/{id}/versions/{n}/diff")
  String diff(
      @PathVariable String id, @PathVariable int n, Authentication authentication, Model model) {
    model.addAttribute(
        "version",
        documents.content(DocumentApiController.participant(authentication), id, n).version());
    model.addAttribute(
        "lines", documents.diff(DocumentApiController.participant(authentication), id, n));
    return "documents/diff";
  }

  @ExceptionHandler(DocumentRefusal.class)
  String refused(DocumentRefusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(
        switch (refusal.reason()) {
          case NOT_FOUND -> 404;
          case FORBIDDEN -> 403;
          case CONFLICT -> 409;
          case TOO_LARGE -> 413;
          case UNSUPPORTED_TYPE -> 415;
          case INVALID -> 400;
        });
    model.addAttribute("messageKey", refusal.messageKey());
    model.addAttribute("args", refusal.args());
    return "documents/refused";
  }
}
