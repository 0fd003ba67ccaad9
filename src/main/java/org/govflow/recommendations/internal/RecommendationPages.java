package org.govflow.recommendations.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.forms.FieldError;
import org.govflow.inbox.Launchpad;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recommendations' pages: the list, and one recommendation with its versions and diffs,
 * reviews, the Sections' answers with the secretariat's dispositions, votes and decisions. A
 * refusal other than invalid values is web's to answer (PageRefusals).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecommendationPages {

  private final RecommendationViews views;
  private final Dispositions dispositions;
  private final Directory directory;
  private final Launchpad inbox;
  private final MessageSource messages;

  @GetMapping("/recommendations")
  String list(Caller caller, Locale locale, TimeZone zone, Model model) {
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute("recommendations", views.list(caller.participant()));
    model.addAttribute("bodies", bodyNames(locale));
    model.addAttribute(
        "mayLaunch",
        inbox.launchable(caller, locale).stream()
            .anyMatch(p -> PolicyRecommendation.PROCESS.equals(p.key())));
    return "recommendations/list";
  }

  @GetMapping("/recommendations/{businessKey}")
  String one(
      @PathVariable String businessKey, Caller caller, Locale locale, TimeZone zone, Model model) {
    return page(businessKey, caller, locale, zone, Map.of(), null, model);
  }

  @PostMapping("/recommendations/{businessKey}/comments/{id}/disposition")
  String dispose(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestParam(required = false) String disposition,
      @RequestParam(required = false) String reason,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    try {
      dispositions.dispose(caller.participant(), businessKey, id, disposition, reason);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      Map<String, String> errors = new HashMap<>();
      for (FieldError e : refusal.errors()) {
        errors.put(e.field(), messages.getMessage(e.message(), null, e.message(), locale));
      }
      model.addAttribute(
          "values",
          Map.of(
              "disposition",
              disposition == null ? "" : disposition,
              "reason",
              reason == null ? "" : reason));
      return page(businessKey, caller, locale, zone, errors, id, model);
    }
    return "redirect:/recommendations/" + businessKey + "#comment-" + id;
  }

  private String page(
      String businessKey,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Map<String, String> errors,
      Long failedComment,
      Model model) {
    model.addAttribute("r", views.details(caller.participant(), businessKey));
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute("bodies", bodyNames(locale));
    Map<String, String> people = new HashMap<>();
    for (Person p : directory.people()) {
      people.put(p.id(), p.name());
    }
    model.addAttribute("people", people);
    model.addAttribute("errors", errors);
    model.addAttribute("failedComment", failedComment);
    if (!model.containsAttribute("values")) {
      model.addAttribute("values", Map.of());
    }
    return "recommendations/detail";
  }

  private Map<String, String> bodyNames(Locale locale) {
    Map<String, String> names = new HashMap<>();
    for (Body b : directory.bodies()) {
      names.put(b.id(), b.name().in(locale));
    }
    return names;
  }
}
