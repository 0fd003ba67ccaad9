package org.govflow.inbox.internal;

import static org.govflow.inbox.internal.PageSupport.submit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.TaskDetails;
import org.govflow.inbox.TaskWork;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task's page and acting on it: completing its form, claiming, handing it over, commenting,
 * uploading a document. Invalid values come back beside their fields with status 400.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskPages {

  private final TaskWork work;
  private final TaskSheet sheet;
  private final Forms forms;
  private final Uploads uploads;

  /** The upload form of the task page says how large a file may be. */
  @ModelAttribute("uploadMaxMb")
  long uploadMaxMb() {
    return uploads.maxMb();
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, Caller caller, Locale locale, ZoneId zone, Model model) {
    return page(caller, id, null, List.of(), locale, zone, model);
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> form,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, Object> values = PageSupport.values(form);
    return submit(
        () -> {
          work.complete(caller, id, values, locale, zone);
          String process = work.processOf(id);
          redirect.addFlashAttribute("notice", "inbox.task.completed");
          return process == null ? "redirect:/inbox" : "redirect:/processes/" + process;
        },
        response,
        refusal -> page(caller, id, values, refusal.errors(), locale, zone, model));
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, Caller caller, RedirectAttributes redirect) {
    work.claim(caller, id);
    return done(redirect, "inbox.task.claimed", "redirect:/tasks/" + id);
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Caller caller, RedirectAttributes redirect) {
    work.unclaim(caller, id);
    return done(redirect, "inbox.task.unclaimed", "redirect:/inbox");
  }

  @PostMapping("/tasks/{id}/delegate")
  String delegate(
      @PathVariable String id,
      @RequestParam(required = false) String userId,
      Caller caller,
      Locale locale,
      RedirectAttributes redirect) {
    work.delegate(caller, id, userId, locale);
    return done(redirect, "inbox.task.delegated", "redirect:/inbox");
  }

  @PostMapping("/tasks/{id}/comments")
  String comment(
      @PathVariable String id,
      @RequestParam(required = false) String text,
      Caller caller,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response) {
    return submit(
        () -> {
          work.comment(caller, id, text, locale);
          return "redirect:/tasks/" + id + "#comments";
        },
        response,
        refusal -> {
          model.addAttribute("commentError", refusal.errors().get(0).message());
          model.addAttribute("commentText", text);
          return page(caller, id, null, List.of(), locale, zone, model);
        });
  }

  private String page(
      Caller caller,
      String id,
      Map<String, ?> submitted,
      List<FieldError> errors,
      Locale locale,
      ZoneId zone,
      Model model) {
    TaskDetails details = sheet.of(caller, id, locale);
    model.addAttribute("details", details);
    model.addAttribute("dates", new Dates(locale, zone));
    if (details.formId() != null) {
      model.addAttribute(
          "form",
          forms.view(
              details.formId(),
              submitted != null ? submitted : details.values(),
              errors,
              details.variables(),
              locale,
              zone));
    }
    return "inbox/task";
  }

  /** Back to where the person goes next, with a notice of what was done. */
  private static String done(RedirectAttributes redirect, String notice, String view) {
    redirect.addFlashAttribute("notice", notice);
    return view;
  }
}
