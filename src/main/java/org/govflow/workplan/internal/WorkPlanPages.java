package org.govflow.workplan.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.govflow.forms.FieldError;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workplan.internal.WorkPlanViews.Filter;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The work plan's pages: the plan by chapter with progress and status counts, filtered by owner,
 * kind, partner and status; an action with its reports over time, links and history; the
 * secretariat's import and assignment forms, which show refused values beside their fields.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanPages {

  /** How much of an action's text the target picker shows beside its reference. */
  private static final int TARGET_LABEL = 90;

  private final WorkPlanViews views;
  private final WorkPlanImports imports;
  private final WorkPlanOwners owners;
  private final WorkPlanLinks links;
  private final WorkPlanRepository plans;
  private final ReportRepository reports;
  private final Directory directory;
  private final MessageSource messages;
  private final Implementations implementations;

  @GetMapping("/workplan")
  String plan(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String status,
      Caller caller,
      Locale locale,
      Model model) {
    return page(
        year, new Filter(owner, kind, partner, status), caller, locale, model, Map.of(), Map.of());
  }

  @PostMapping("/workplan/import")
  String importPlan(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) MultipartFile file,
      Caller caller,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    secretariat(caller);
    try {
      if (year == null || file == null || file.isEmpty()) {
        throw Refusal.invalid(
            List.of(
                new FieldError(
                    year == null ? "year" : "file",
                    messages.getMessage("workplan.import.missing", null, locale))),
            "workplan.import.missing");
      }
      imports.importPlan(year, file.getOriginalFilename(), file.getBytes(), caller.personId());
      return "redirect:/workplan?year=" + year;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Refusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(year, Filter.NONE, caller, locale, model, errors(refusal), Map.of());
    }
  }

  /**
   * Gives an action, or every action of a section, an owner body and a focal point among its
   * members; a refusal comes back with the chosen values kept and the reason beside its field.
   */
  @PostMapping("/workplan/assign")
  String assign(
      @RequestParam int year,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String focalPoint,
      Caller caller,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    secretariat(caller);
    String what = target == null ? "" : target.trim();
    String focal = focalPoint == null || focalPoint.isBlank() ? null : focalPoint;
    Map<String, String> chosen = new HashMap<>();
    chosen.put("target", what);
    chosen.put("owner", owner == null ? "" : owner);
    chosen.put("focalPoint", focal == null ? "" : focal);
    try {
      if (what.isEmpty()) {
        throw Refusal.invalid(
            List.of(
                new FieldError(
                    "target", messages.getMessage("workplan.assign.no-target", null, locale))),
            "workplan.assign.no-target");
      }
      if (what.contains("-")) {
        owners.assign(year, what, owner, focal, caller.personId());
      } else {
        owners.assignSection(year, what, owner, focal, caller.personId());
      }
      return "redirect:/workplan?year=" + year;
    } catch (Refusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors =
          refusal.reason() == Refusal.Reason.NOT_FOUND
              ? Map.of(
                  "target",
                  messages.getMessage(
                      refusal.getDetailMessageCode(), refusal.getDetailMessageArguments(), locale))
              : errors(refusal);
      return page(year, Filter.NONE, caller, locale, model, errors, chosen);
    }
  }

  @PostMapping("/workplan/actions/{ref}/links/{id}/confirm")
  String confirm(
      @PathVariable String ref, @PathVariable long id, @RequestParam int year, Caller caller) {
    secretariat(caller);
    links.confirm(year, ref, id, caller.personId());
    return "redirect:/workplan/actions/" + ref + "?year=" + year;
  }

  @GetMapping("/workplan/actions/{ref}")
  String action(
      @PathVariable String ref,
      @RequestParam int year,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    var action = owners.action(year, ref);
    model.addAttribute("year", year);
    model.addAttribute("mayConfirm", caller.overseesAll());
    model.addAttribute("action", views.action(year, ref));
    model.addAttribute("reports", reports.linesOfAction(action.id()));
    Map<String, String> bodies = bodyNames(locale);
    Map<String, String> people =
        directory.people().stream()
            .collect(Collectors.toMap(p -> p.id(), p -> p.name(), (a, b) -> a));
    model.addAttribute(
        "history",
        plans.history(action.id()).stream()
            .map(
                h ->
                    new HistoryView(
                        h.at(),
                        people.getOrDefault(h.by(), h.by()),
                        h.what(),
                        shown(h.what(), h.oldValue(), bodies, people, locale),
                        shown(h.what(), h.newValue(), bodies, people, locale)))
            .toList());
    model.addAttribute("zone", zone.toZoneId());
    return "workplan/action";
  }

  /**
   * A period's implementation report in the reader's language and time zone, for everyone who may
   * see the plan; the English record is what its SHA-256 hashes.
   */
  @GetMapping("/workplan/report")
  String report(
      @RequestParam int year,
      @RequestParam String period,
      Locale locale,
      TimeZone zone,
      Model model) {
    model.addAttribute("report", implementations.read(year, period, locale, zone.toZoneId()));
    return "workplan/report";
  }

  /** The same report as PDF, in the reader's language and time zone. */
  @GetMapping("/workplan/report.pdf")
  ResponseEntity<byte[]> reportPdf(
      @RequestParam int year, @RequestParam String period, Locale locale, TimeZone zone) {
    return WorkPlanApi.pdf(
        year, period, implementations.pdf(year, period, locale, zone.toZoneId()), locale);
  }

  /** A line of an action's history as read: people and bodies by name. */
  record HistoryView(java.time.Instant at, String by, String what, String before, String after) {}

  private String shown(
      String what,
      String value,
      Map<String, String> bodies,
      Map<String, String> people,
      Locale locale) {
    if (value == null) {
      return "";
    }
    return switch (what) {
      case "owner" -> bodies.getOrDefault(value, value);
      case "focal-point" -> people.getOrDefault(value, value);
      case "status" -> messages.getMessage("workplan.status." + value, null, value, locale);
      default -> value;
    };
  }

  private String page(
      Integer year,
      Filter filter,
      Caller caller,
      Locale locale,
      Model model,
      Map<String, String> errors,
      Map<String, String> chosen) {
    var all = views.plans();
    model.addAttribute("plans", all);
    model.addAttribute("mayImport", caller.overseesAll());
    model.addAttribute("errors", errors);
    model.addAttribute("chosen", chosen);
    model.addAttribute(
        "bodies",
        directory.bodies().stream()
            .sorted(Comparator.comparing(b -> b.name().in(locale)))
            .toList());
    model.addAttribute("filter", filter);
    Integer shown = year;
    if (shown == null || all.stream().noneMatch(p -> p.year() == year)) {
      shown = all.isEmpty() ? null : all.get(0).year();
    }
    model.addAttribute("year", shown == null ? year : shown);
    if (shown != null) {
      var plan = views.plan(shown, filter);
      model.addAttribute("plan", plan);
      model.addAttribute("compiledReports", implementations.compiled(shown, locale));
      var unfiltered = views.plan(shown, Filter.NONE);
      model.addAttribute(
          "partners",
          unfiltered.sections().stream()
              .flatMap(s -> s.actions().stream())
              .map(WorkPlanViews.ActionView::partner)
              .filter(p -> p != null)
              .distinct()
              .sorted()
              .toList());
      model.addAttribute(
          "owners",
          unfiltered.sections().stream()
              .flatMap(s -> s.actions().stream())
              .filter(a -> a.owner() != null)
              .collect(
                  Collectors.toMap(
                      WorkPlanViews.ActionView::owner,
                      WorkPlanViews.ActionView::ownerName,
                      (a, b) -> a,
                      java.util.TreeMap::new)));
      if (caller.overseesAll()) {
        model.addAttribute("targets", targets(unfiltered));
        var groups = focalPoints(locale);
        model.addAttribute("focalPoints", groups);
        model.addAttribute("focalGroup", focalGroup(groups, chosen));
      }
    }
    return "workplan/plan";
  }

  /** A choice of a picker: the value sent (a reference, a login), the label read. */
  record Choice(String value, String label) {}

  /** A body's members by name, for the focal point picker: the login is only the value. */
  record BodyMembers(String body, String name, List<Choice> members) {}

  /** The plan's sections and actions by reference, each with its title or the start of its text. */
  private static List<Choice> targets(WorkPlanViews.PlanView plan) {
    List<Choice> targets = new ArrayList<>();
    for (var s : plan.sections()) {
      targets.add(new Choice(s.number(), s.title()));
      for (var a : s.actions()) {
        String text = WorkPlanText.plain(a.text()).strip();
        int line = text.indexOf('\n');
        String first = line < 0 ? text : text.substring(0, line).strip();
        targets.add(
            new Choice(
                a.ref(),
                first.length() > TARGET_LABEL ? first.substring(0, TARGET_LABEL) + "…" : first));
      }
    }
    return targets;
  }

  /** Every body with members, by name in the reader's language, its members by name. */
  private List<BodyMembers> focalPoints(Locale locale) {
    Map<String, String> people =
        directory.people().stream()
            .collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a));
    Map<String, List<String>> seated =
        directory.memberships().stream()
            .collect(
                Collectors.groupingBy(
                    Membership::bodyId,
                    Collectors.mapping(Membership::personId, Collectors.toList())));
    Comparator<Choice> byName = Comparator.comparing(Choice::label, Collator.getInstance(locale));
    return directory.bodies().stream()
        .filter(b -> seated.containsKey(b.id()))
        .map(
            b ->
                new BodyMembers(
                    b.id(),
                    b.name().in(locale),
                    seated.get(b.id()).stream()
                        .distinct()
                        .map(id -> new Choice(id, people.getOrDefault(id, id)))
                        .sorted(byName)
                        .toList()))
        .sorted(Comparator.comparing(BodyMembers::name, Collator.getInstance(locale)))
        .toList();
  }

  /**
   * The group whose option shows the focal point chosen in a refused submission: the owner body's
   * when they sit there, else the first body they sit in.
   */
  private static String focalGroup(List<BodyMembers> groups, Map<String, String> chosen) {
    String focal = chosen.get("focalPoint");
    if (focal == null || focal.isEmpty()) {
      return null;
    }
    List<String> seats =
        groups.stream()
            .filter(g -> g.members().stream().anyMatch(m -> m.value().equals(focal)))
            .map(BodyMembers::body)
            .toList();
    return seats.contains(chosen.get("owner"))
        ? chosen.get("owner")
        : seats.stream().findFirst().orElse(null);
  }

  private Map<String, String> bodyNames(Locale locale) {
    return directory.bodies().stream()
        .collect(Collectors.toMap(Body::id, b -> b.name().in(locale), (a, b) -> a));
  }

  private static Map<String, String> errors(Refusal refusal) {
    return refusal.errors().stream()
        .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
  }

  private static void secretariat(Caller caller) {
    if (!caller.overseesAll()) {
      throw Refusal.forbidden("workplan.secretariat-only");
    }
  }
}
