package org.govflow.decisions.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.web.Caller;
import org.govflow.workflow.ProcessHistory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The register's pages: the list with filters and search, a decision with its evidence. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DecisionPagesController {

  private static final int PAGE_ROWS = 200;

  private final DecisionRegister register;
  private final DecisionAccess access;
  private final Directory directory;
  private final ProcessHistory history;

  @GetMapping("/decisions")
  String list(
      DecisionAccess.FilterParams params,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute(
        "bodies",
        directory.bodies().stream()
            .sorted(Comparator.comparing((Body b) -> b.name().in(locale)))
            .map(b -> new Option(b.id(), b.name().in(locale)))
            .toList());
    try {
      List<DecisionView> decisions =
          register
              .list(
                  access.filter(params, zone.toZoneId(), locale), access.viewer(caller), PAGE_ROWS)
              .stream()
              .map(d -> DecisionView.of(d, directory, locale))
              .toList();
      model.addAttribute("decisions", decisions);
    } catch (DecisionAccess.InvalidFilterException e) {
      model.addAttribute("decisions", List.of());
      model.addAttribute("filterError", e.getMessage());
    }
    return "decisions/list";
  }

  @GetMapping("/decisions/{id}")
  String one(@PathVariable long id, Caller caller, Locale locale, TimeZone zone, Model model) {
    DecisionViewer viewer = access.viewer(caller);
    Decision decision =
        register
            .find(id)
            .filter(viewer::maySee)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute("decision", DecisionView.of(decision, directory, locale));
    String instance = decision.content().processInstanceId();
    // the named steps, in the reader's language
    List<ProcessHistory.Step> timeline =
        instance == null
            ? List.of()
            : history.steps(instance, locale).stream().filter(a -> a.modelName() != null).toList();
    model.addAttribute("timeline", timeline);
    return "decisions/detail";
  }

  @GetMapping("/decisions/verification")
  @PreAuthorize("hasAnyRole('ADMIN', 'LEADERSHIP')")
  String verification(Model model) {
    model.addAttribute("result", register.verify());
    return "decisions/verification";
  }

  record Option(String value, String label) {}
}
