package org.govflow.inbox.internal;

import static org.govflow.inbox.internal.PageSupport.blankToNull;
import static org.govflow.inbox.internal.PageSupport.oneOf;

import java.time.ZoneId;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.ProcessList;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The processes the caller may see, one process with its steps, and its documents. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProcessPages {

  private final ProcessList processes;
  private final ProcessSheet sheet;
  private final Launchpad launchpad;
  private final Uploads uploads;

  /** The upload form of the process page says how large a file may be. */
  @ModelAttribute("uploadMaxMb")
  long uploadMaxMb() {
    return uploads.maxMb();
  }

  @GetMapping("/processes")
  String processes(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String state,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model) {
    String chosenState = oneOf(state, "active", "completed");
    model.addAttribute(
        "processes", processes.processes(caller, blankToNull(processKey), chosenState, locale));
    model.addAttribute("types", launchpad.processTypes(locale));
    model.addAttribute("processKey", blankToNull(processKey));
    model.addAttribute("state", chosenState);
    model.addAttribute("dates", new Dates(locale, zone));
    return "inbox/processes";
  }

  @GetMapping("/processes/{id}")
  String process(@PathVariable String id, Caller caller, Locale locale, ZoneId zone, Model model) {
    model.addAttribute("details", sheet.of(caller, id, locale));
    model.addAttribute("dates", new Dates(locale, zone));
    return "inbox/process";
  }
}
