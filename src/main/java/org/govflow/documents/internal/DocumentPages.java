package org.govflow.documents.internal;

import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.DocumentContent;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  /**
   * The words changed since the version before, side by side ({@code view=side}, the default) or
   * inline; {@code back} is the page to go back to (a path of this site), else the process's page.
   */
  @GetMapping("/documents/{id}/versions/{n}/diff")
  String diff(
      @PathVariable String id,
      @PathVariable int n,
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String back,
      Caller caller,
      Model model) {
    model.addAttribute("version", access.version(caller.participant(), id, n));
    model.addAttribute("lines", access.changes(caller.participant(), id, n));
    model.addAttribute("view", "inline".equals(view) ? "inline" : "side");
    model.addAttribute(
        "back", local(back) ? back : "/processes/" + access.processOf(caller.participant(), id));
    return "documents/diff";
  }

  /**
   * A PDF version shown inside a page (an iframe of this site only); any other type is not shown
   * this way.
   */
  @GetMapping("/documents/{id}/versions/{n}/view")
  ResponseEntity<byte[]> view(@PathVariable String id, @PathVariable int n, Caller caller) {
    DocumentContent content = access.content(caller.participant(), id, n);
    if (!"application/pdf".equals(content.version().mediaType())) {
      throw Refusal.notFound("inbox.documents.unknown");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
        // the pages of this site may frame it; Spring Security keeps a header already set
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("Content-Security-Policy", "frame-ancestors 'self'")
        .body(content.bytes());
  }

  private static boolean local(String back) {
    return back != null && LOCAL_PATH.matcher(back).matches();
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
    return "redirect:" + (local(back) ? back : "/processes");
  }
}
