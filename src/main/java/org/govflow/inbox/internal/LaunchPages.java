package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.LaunchableProcess;
import org.govflow.inbox.Launchpad;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Launching a process: the ones the caller may start, and a start form. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LaunchPages {

  private final Launchpad launchpad;
  private final Forms forms;
  private final Uploads uploads;

  @GetMapping("/processes/new")
  String launchable(Caller caller, Locale locale, Model model) {
    model.addAttribute("types", launchpad.launchable(caller, locale));
    return "inbox/launch";
  }

  @GetMapping("/processes/new/{key}")
  String startForm(
      @PathVariable String key, Caller caller, Locale locale, ZoneId zone, Model model) {
    return page(caller, key, Map.of(), List.of(), locale, zone, model);
  }

  @PostMapping("/processes/new/{key}")
  String launch(
      @PathVariable String key,
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(required = false) MultipartFile file,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, Object> values = PageSupport.values(form);
    return PageSupport.submit(
        () -> {
          String started =
              launchpad.launch(caller, key, values, attachment(file), locale, zone).id();
          redirect.addFlashAttribute("notice", "inbox.process.started.notice");
          return "redirect:/processes/" + started;
        },
        response,
        refusal -> page(caller, key, values, refusal.errors(), locale, zone, model));
  }

  /** The upload form's size limit, for the document field of a launch that needs one. */
  @ModelAttribute("uploadMaxMb")
  long uploadMaxMb() {
    return uploads.maxMb();
  }

  /** The file sent with the start form, or null when none was chosen. */
  static Launchpad.Attachment attachment(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return new Launchpad.Attachment(file.getOriginalFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String page(
      Caller caller,
      String key,
      Map<String, ?> values,
      List<FieldError> errors,
      Locale locale,
      ZoneId zone,
      Model model) {
    LaunchableProcess type = launchpad.launchable(caller, key, locale);
    model.addAttribute("type", type);
    // the document is no field of the start form: its error goes beside the file input
    errors.stream()
        .filter(e -> Launchpad.FILE.equals(e.field()))
        .findFirst()
        .ifPresent(e -> model.addAttribute("documentError", e.message()));
    model.addAttribute(
        "form", forms.view(type.startFormId(), values, errors, Map.of(), locale, zone));
    return "inbox/start";
  }
}
