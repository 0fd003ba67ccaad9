package org.govflow.declaration.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionSettings;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.LaunchableProcess;
import org.govflow.inbox.Launchpad;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The declarations' pages: the list, and one declaration with its text, the amendments beside each
 * paragraph, the forms to file and dispose of them, its versions and the word diff. A refusal other
 * than invalid values is web's to answer (PageRefusals).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationPages {

  private final DeclarationViews views;
  private final DeclarationActions actions;
  private final Directory directory;
  private final Launchpad inbox;
  private final DeclarationLaunches launches;
  private final Forms forms;
  private final DeclarationSettings settings;
  private final MessageSource messages;
  private final DecisionSettings decisionSettings;

  @GetMapping("/declarations")
  String list(Caller caller, Locale locale, TimeZone zone, Model model) {
    model.addAttribute("zone", zone.toZoneId());
    model.addAttribute("declarations", views.list(caller.participant()));
    model.addAttribute(
        "mayLaunch",
        inbox.launchable(caller, locale).stream()
            .anyMatch(p -> DeclarationCocreation.PROCESS.equals(p.key())));
    return "declarations/list";
  }

  @GetMapping("/declarations/new")
  String launchForm(Caller caller, Locale locale, ZoneId zone, Model model) {
    return launchPage(caller, Map.of(), List.of(), null, locale, zone, model);
  }

  /**
   * The launch with the zero draft pasted or as a file; a refused one comes back with its values.
   */
  @PostMapping("/declarations/new")
  String launch(
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(value = DraftFiles.FIELD, required = false) MultipartFile draftFile,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response) {
    Map<String, Object> values = values(form);
    try {
      StartedProcess started =
          launches.launch(
              caller,
              values,
              draftFile == null ? null : draftFile.getOriginalFilename(),
              bytes(draftFile),
              locale,
              zone);
      return "redirect:/declarations/" + started.businessKey();
    } catch (Refusal refusal) {
      if (refusal.reason() == Refusal.Reason.NOT_FOUND
          || refusal.reason() == Refusal.Reason.FORBIDDEN) {
        throw refusal;
      }
      response.setStatus(refusal.reason().status());
      List<FieldError> formErrors = new ArrayList<>();
      String fileError = null;
      for (FieldError e : refusal.errors()) {
        if (DraftFiles.FIELD.equals(e.field())) {
          fileError = e.message();
        } else {
          formErrors.add(e);
        }
      }
      if (fileError == null && formErrors.isEmpty()) {
        fileError = messages.getMessage(refusal.messageKey(), refusal.args(), locale);
      }
      return launchPage(caller, values, formErrors, fileError, locale, zone, model);
    }
  }

  private String launchPage(
      Caller caller,
      Map<String, ?> values,
      List<FieldError> errors,
      String fileError,
      Locale locale,
      ZoneId zone,
      Model model) {
    LaunchableProcess type = inbox.launchable(caller, DeclarationCocreation.PROCESS, locale);
    model.addAttribute("type", type);
    model.addAttribute(
        "form", forms.view(type.startFormId(), values, errors, Map.of(), locale, zone));
    model.addAttribute("fileError", fileError);
    model.addAttribute("maxKilobytes", settings.draftMaxSize().toKilobytes());
    return "declarations/new";
  }

  /**
   * A form's values as the start form takes them (a field sent once its text, several times a list,
   * as JSON would send them); a file part is not among them.
   */
  static Map<String, Object> values(MultiValueMap<String, String> form) {
    Map<String, Object> values = new LinkedHashMap<>();
    form.forEach(
        (name, list) -> {
          if (!"_csrf".equals(name)) {
            values.put(name, list.size() == 1 ? list.get(0) : list);
          }
        });
    return values;
  }

  /** An uploaded file's bytes, or null when none was sent. */
  static byte[] bytes(MultipartFile file) {
    if (file == null) {
      return null;
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/declarations/{businessKey}")
  String one(
      @PathVariable String businessKey,
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    return page(businessKey, from, to, caller, locale, zone, Map.of(), null, Map.of(), model);
  }

  @PostMapping("/declarations/{businessKey}/amendments")
  String file(
      @PathVariable String businessKey,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String paragraphId,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String justification,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    String form = "new-" + (paragraphId == null || paragraphId.isBlank() ? "comment" : paragraphId);
    try {
      long id =
          actions.file(
              caller.participant(),
              businessKey,
              group,
              kind,
              paragraphId,
              text,
              justification,
              locale);
      return "redirect:/declarations/" + businessKey + "#amendment-" + id;
    } catch (Refusal refusal) {
      return refused(
          refusal,
          businessKey,
          form,
          pairs("group", group, "kind", kind, "text", text, "justification", justification),
          caller,
          locale,
          zone,
          model);
    }
  }

  @PostMapping("/declarations/{businessKey}/amendments/{id}/withdraw")
  String withdraw(@PathVariable String businessKey, @PathVariable long id, Caller caller) {
    actions.withdraw(caller.participant(), businessKey, id);
    return "redirect:/declarations/" + businessKey;
  }

  @PostMapping("/declarations/{businessKey}/amendments/{id}/disposition")
  String dispose(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String reason,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    try {
      actions.dispose(caller.participant(), businessKey, id, outcome, text, reason, locale);
      return "redirect:/declarations/" + businessKey + "#amendment-" + id;
    } catch (Refusal refusal) {
      return refused(
          refusal,
          businessKey,
          "dispose-" + id,
          pairs("outcome", outcome, "text", text, "reason", reason),
          caller,
          locale,
          zone,
          model);
    }
  }

  @PostMapping("/declarations/{businessKey}/conflicts/{paragraphId}")
  String resolve(
      @PathVariable String businessKey,
      @PathVariable String paragraphId,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String reason,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    try {
      actions.resolve(caller.participant(), businessKey, paragraphId, text, reason, locale);
      return "redirect:/declarations/" + businessKey + "#paragraph-" + paragraphId;
    } catch (Refusal refusal) {
      return refused(
          refusal,
          businessKey,
          "resolve-" + paragraphId,
          pairs("text", text, "reason", reason),
          caller,
          locale,
          zone,
          model);
    }
  }

  private String refused(
      Refusal refusal,
      String businessKey,
      String form,
      Map<String, String> values,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Model model) {
    if (refusal.reason() != Refusal.Reason.INVALID) {
      throw refusal;
    }
    Map<String, String> errors = new HashMap<>();
    for (FieldError e : refusal.errors()) {
      errors.put(e.field(), e.message());
    }
    if (errors.isEmpty()) {
      errors.put("form", refusal.messageKey());
    }
    // the page again, with what to fix, as a refusal: 400, as the other pages' refused forms
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && request.getResponse() != null) {
      request.getResponse().setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return page(businessKey, null, null, caller, locale, zone, errors, form, values, model);
  }

  private String page(
      String businessKey,
      Integer from,
      Integer to,
      Caller caller,
      Locale locale,
      TimeZone zone,
      Map<String, String> errors,
      String failedForm,
      Map<String, String> values,
      Model model) {
    DeclarationDetails d = views.details(caller.participant(), businessKey);
    int diffTo = to == null ? d.currentVersion() : to;
    int diffFrom = from == null ? Math.max(1, diffTo - 1) : from;
    model.addAttribute("d", d);
    model.addAttribute("diffFrom", diffFrom);
    model.addAttribute("diffTo", diffTo);
    model.addAttribute(
        "diff",
        diffFrom == diffTo
            ? List.of()
            : views.diff(caller.participant(), businessKey, diffFrom, diffTo));
    model.addAttribute("zone", zone.toZoneId());
    Map<String, String> bodies = new HashMap<>();
    for (Body b : directory.bodies()) {
      bodies.put(b.id(), b.name().in(locale));
    }
    model.addAttribute("bodies", bodies);
    Map<String, String> people = new HashMap<>();
    for (Person p : directory.people()) {
      people.put(p.id(), p.name());
    }
    model.addAttribute("people", people);
    model.addAttribute(
        "myGroups",
        d.groups().stream().filter(g -> caller.participant().bodies().contains(g)).toList());
    model.addAttribute(
        "committee",
        caller.participant().bodies().stream().anyMatch(DeclarationTexts.COMMITTEE::contains));
    model.addAttribute("publicPage", decisionSettings.publicPage());
    model.addAttribute("errors", errors);
    model.addAttribute("failedForm", failedForm);
    model.addAttribute("values", values);
    return "declarations/detail";
  }

  private static Map<String, String> pairs(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
    return values;
  }
}
