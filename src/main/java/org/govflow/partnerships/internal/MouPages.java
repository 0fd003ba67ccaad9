package org.govflow.partnerships.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Person;
import org.govflow.forms.FieldError;
import org.govflow.inbox.TaskWork;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register's pages: the list (filters, CSV), one MoU with its terms, renewals, documents and
 * timeline, and the secretariat's forms to register, edit, end and renew. Invalid values come back
 * beside their fields; other refusals are web's to answer.
 */
@Controller
@RequiredArgsConstructor
class MouPages {

  private final MouViews views;
  private final MouRegister register;
  private final RenewalStarts starts;
  private final MessageSource messages;
  private final TaskWork inbox;

  @GetMapping("/partnerships")
  String list(
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String status,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    model.addAttribute("mous", views.list(partner, status));
    model.addAttribute("partner", partner);
    model.addAttribute("status", status);
    model.addAttribute("partners", partnerNames(locale));
    model.addAttribute(
        "statuses", List.of(MouStatus.values()).stream().map(MouStatus::key).toList());
    model.addAttribute("mayEdit", caller.overseesAll());
    dates(locale, zone, model);
    return "partnerships/list";
  }

  @GetMapping(value = "/partnerships.csv")
  ResponseEntity<String> csv(
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String status,
      Locale locale) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mous.csv\"")
        .body(MouCsv.of(views.list(partner, status), messages, locale));
  }

  @GetMapping("/partnerships/{id}")
  String one(@PathVariable long id, Caller caller, Locale locale, TimeZone zone, Model model) {
    MouDetails details = views.details(id);
    model.addAttribute("m", details);
    model.addAttribute("noticePeriod", readable(details.noticePeriod(), locale));
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute("people", peopleNames());
    model.addAttribute("mayEdit", caller.overseesAll());
    model.addAttribute("assessing", views.assessing(id, caller.personId()).orElse(null));
    model.addAttribute("noticeAt", views.closeOf(details.summary().noticeDate()));
    dates(locale, zone, model);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "partnerships/detail";
  }

  /**
   * The focal point's assessment from the MoU's page, where what concerns the partner is listed to
   * tick: it completes the Assess task through the inbox, with the form's validation and the guard
   * on what may be cited; a refusal comes back beside the fields.
   */
  @PostMapping("/partnerships/{id}/assessment")
  String assess(
      @PathVariable long id,
      @RequestParam(name = "links", required = false) List<String> links,
      @RequestParam(required = false) String assessment,
      @RequestParam(required = false) String recommendation,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model,
      HttpServletResponse response) {
    List<String> ticked = links == null ? List.of() : links;
    MouViews.Assessing assessing =
        views
            .assessing(id, caller.personId())
            .orElseThrow(() -> Refusal.conflict("partnerships.assess.notNow"));
    Map<String, Object> values = new HashMap<>();
    values.put(MouRenewal.ASSESSMENT, assessment == null ? "" : assessment);
    values.put(MouRenewal.RECOMMENDATION, recommendation == null ? "" : recommendation);
    values.put(MouRenewal.ASSESSMENT_LINKS, String.join("\n", ticked));
    try {
      inbox.complete(caller, assessing.taskId(), values, locale, zone.toZoneId());
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      response.setStatus(refusal.reason().status());
      Map<String, String> errors = refusalErrors(refusal, locale);
      errors.putIfAbsent(
          "assessmentProblem",
          messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), locale));
      model.addAttribute("errors", errors);
      model.addAttribute(
          "assessValues",
          Map.of(
              "assessment", values.get(MouRenewal.ASSESSMENT),
              "recommendation", values.get(MouRenewal.RECOMMENDATION),
              "links", ticked));
      return one(id, caller, locale, zone, model);
    }
    return "redirect:/partnerships/" + id + "#renewals";
  }

  @GetMapping("/partnerships/new")
  String create(Caller caller, Locale locale, Model model) {
    mayEdit(caller);
    return form(
        null, Map.of(), Map.of("renewalKind", "express", "contactLanguage", "en"), locale, model);
  }

  @PostMapping("/partnerships")
  String register(
      @Valid @ModelAttribute MouInput input,
      BindingResult binding,
      Caller caller,
      Locale locale,
      Model model) {
    mayEdit(caller);
    if (binding.hasErrors()) {
      return form(null, bindingErrors(binding, locale), values(input), locale, model);
    }
    try {
      long id = register.register(caller.participant(), input);
      return "redirect:/partnerships/" + id;
    } catch (Refusal refusal) {
      return form(null, refusalErrors(refusal, locale), values(input), locale, model);
    }
  }

  @GetMapping("/partnerships/{id}/edit")
  String edit(@PathVariable long id, Caller caller, Locale locale, Model model) {
    mayEdit(caller);
    MouDetails m = views.details(id);
    Map<String, Object> v = new HashMap<>();
    v.put("partnerId", m.summary().partnerId());
    v.put("partnerKind", m.partnerKind());
    v.put("title", m.summary().title());
    v.put("signedOn", m.signedOn());
    v.put("startsOn", m.terms().get(m.terms().size() - 1).startsOn());
    v.put("endsOn", m.summary().expiresOn());
    v.put("renewalKind", m.summary().renewalKind());
    v.put("noticePeriod", m.noticePeriod());
    v.put("focalPoint", m.summary().focalPoint());
    v.put("contactName", m.contactName());
    v.put("contactEmail", m.contactEmail());
    v.put("contactLanguage", m.contactLanguage());
    return form(id, Map.of(), v, locale, model);
  }

  @PostMapping("/partnerships/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute MouInput input,
      BindingResult binding,
      Caller caller,
      Locale locale,
      Model model) {
    mayEdit(caller);
    if (binding.hasErrors()) {
      return form(id, bindingErrors(binding, locale), values(input), locale, model);
    }
    try {
      register.update(caller.participant(), id, input);
      return "redirect:/partnerships/" + id;
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      return form(id, refusalErrors(refusal, locale), values(input), locale, model);
    }
  }

  @PostMapping("/partnerships/{id}/end")
  String end(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate endedOn,
      @RequestParam(required = false) String reason,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    try {
      register.end(caller.participant(), id, endedOn, reason);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      model.addAttribute("errors", refusalErrors(refusal, locale));
      model.addAttribute("endValues", Map.of("reason", reason == null ? "" : reason));
      return one(id, caller, locale, zone, model);
    }
    return "redirect:/partnerships/" + id;
  }

  @PostMapping("/partnerships/{id}/renewal")
  String renew(@PathVariable long id, Caller caller) {
    starts.startByHand(caller.participant(), id);
    return "redirect:/partnerships/" + id;
  }

  private String form(
      Long id, Map<String, String> errors, Map<String, ?> values, Locale locale, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("errors", errors);
    model.addAttribute("v", values);
    model.addAttribute("partners", partnerNames(locale));
    model.addAttribute("people", peopleNames());
    model.addAttribute(
        "partnerKinds", List.of("un-system", "intergovernmental", "public-agency", "association"));
    return "partnerships/form";
  }

  /** Days in the reader's language; points in time in their language and time zone. */
  private static void dates(Locale locale, TimeZone zone, Model model) {
    model.addAttribute(
        "day",
        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
            .withLocale(locale));
    model.addAttribute(
        "shortDay",
        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
            .withLocale(locale));
    model.addAttribute(
        "moment",
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone.toZoneId()));
  }

  /** A notice period as people say it: "3 months", "1 year 15 days". */
  private String readable(String isoPeriod, Locale locale) {
    java.time.Period p = java.time.Period.parse(isoPeriod);
    List<String> parts = new java.util.ArrayList<>();
    if (p.getYears() > 0) {
      parts.add(
          messages.getMessage("partnerships.period.years", new Object[] {p.getYears()}, locale));
    }
    if (p.getMonths() > 0) {
      parts.add(
          messages.getMessage("partnerships.period.months", new Object[] {p.getMonths()}, locale));
    }
    if (p.getDays() > 0) {
      parts.add(
          messages.getMessage("partnerships.period.days", new Object[] {p.getDays()}, locale));
    }
    return String.join(" ", parts);
  }

  private static void mayEdit(Caller caller) {
    if (!caller.overseesAll()) {
      throw Refusal.forbidden("partnerships.notSecretariat");
    }
  }

  private Map<String, String> bindingErrors(BindingResult binding, Locale locale) {
    Map<String, String> errors = new HashMap<>();
    for (var e : binding.getFieldErrors()) {
      errors.putIfAbsent(e.getField(), messages.getMessage(e, locale));
    }
    return errors;
  }

  private Map<String, String> refusalErrors(Refusal refusal, Locale locale) {
    Map<String, String> errors = new HashMap<>();
    for (FieldError e : refusal.errors()) {
      errors.putIfAbsent(e.field(), messages.getMessage(e.message(), null, e.message(), locale));
    }
    return errors;
  }

  private static Map<String, Object> values(MouInput in) {
    Map<String, Object> v = new HashMap<>();
    v.put("partnerId", in.partnerId());
    v.put("partnerKind", in.partnerKind());
    v.put("title", in.title());
    v.put("signedOn", in.signedOn());
    v.put("startsOn", in.startsOn());
    v.put("endsOn", in.endsOn());
    v.put("renewalKind", in.renewalKind());
    v.put("noticePeriod", in.noticePeriod());
    v.put("focalPoint", in.focalPoint());
    v.put("contactName", in.contactName());
    v.put("contactEmail", in.contactEmail());
    v.put("contactLanguage", in.contactLanguage());
    return v;
  }

  private Map<String, String> partnerNames(Locale locale) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    views.partners().forEach(b -> names.put(b.id(), b.name().in(locale)));
    return names;
  }

  private Map<String, String> peopleNames() {
    Map<String, String> names = new java.util.TreeMap<>();
    for (Person p : views.people()) {
      names.put(p.id(), p.name());
    }
    return names;
  }
}
