package org.govflow.documents.internal;

import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The changes between a text version and the one before, as a page; publishing a version. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DocumentPages {

  private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_.#-]{0,200}");

  private final DocumentAccess access;

  @GetMapping("/documents/{id}/versions/{n}/diff")
  String diff(@PathVariable String id, @PathVariable int n, Caller caller, Model model) {
    model.addAttribute("version", access.version(caller.participant(), id, n));
    model.addAttribute("lines", access.diff(caller.participant(), id, n));
    return "documents/diff";
  }

  /**
   * Publishes a version from the document list, then goes back to the page it was on ({@code back},
   * a path of this site) or to the process's page.
   */
  @PostMapping("/documents/{id}/versions/{n}/publish")
  String publish(
      @PathVariable String id,
      @PathVariable int n,
      @RequestParam(required = false) String back,
      Caller caller,
      RedirectAttributes redirect) {
    access.publish(caller.participant(), id, n);
    redirect.addFlashAttribute("notice", "inbox.documents.publishedNotice");
    // only a path of this site: no other host, no header breakers
    boolean local = back != null && LOCAL_PATH.matcher(back).matches();
    return "redirect:" + (local ? back : "/processes");
  }
}
