package org.govflow.inbox.internal;

import static org.govflow.inbox.internal.PageSupport.blankToNull;
import static org.govflow.inbox.internal.PageSupport.oneOf;

import java.time.ZoneId;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.InboxPage;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.TaskList;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox page: htmx refreshes its list when filters change, then loads its counts. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InboxPages {

  private final TaskList tasks;
  private final Launchpad launchpad;

  /**
   * The inbox page waits only for its rows: the counts, which cost several times the rows at scale
   * (docs/benchmarks.md), come after it from /inbox/counts; without JavaScript, a link asks for the
   * page again with {@code counts=true}, counted in place.
   */
  @GetMapping("/inbox")
  String inbox(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assigned,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(name = "counts", defaultValue = "false") boolean withCounts,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model) {
    InboxFilter filter = filter(processKey, due, assigned);
    InboxPage result = tasks.inbox(caller, filter, page, 0, withCounts, locale);
    model.addAttribute("filter", filter);
    model.addAttribute("result", result);
    if (result.counts() != null) {
      model.addAttribute("counted", new InboxPage.Counted(result.total(), result.counts()));
    }
    model.addAttribute("types", launchpad.processTypes(locale));
    model.addAttribute("dates", new Dates(locale, zone));
    return htmx != null ? "inbox/inbox :: list" : "inbox/inbox";
  }

  /** The counts of the caller's own inbox for the same filters: the fragment the page loads. */
  @GetMapping("/inbox/counts")
  String inboxCounts(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assigned,
      Caller caller,
      Model model) {
    InboxFilter filter = filter(processKey, due, assigned);
    model.addAttribute("filter", filter);
    model.addAttribute("counted", tasks.counts(caller, filter));
    return "inbox/inbox :: counts";
  }

  private static InboxFilter filter(String processKey, String due, String assigned) {
    return new InboxFilter(
        blankToNull(processKey), oneOf(due, "overdue", "week"), oneOf(assigned, "me", "group"));
  }
}
