package org.govflow.inbox.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.Inbox;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.InboxPage;
import org.govflow.inbox.LaunchableProcess;
import org.govflow.inbox.TaskDetails;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages: the inbox (htmx refreshes its list when filters change), a task, launching a process,
 * the processes. Invalid values come back beside their fields with status 400.
 */
@Controller
class InboxPages {

  private static final Set<String> NOT_VALUES = Set.of("_csrf");

  private final Inbox inbox;
  private final Forms forms;
  private final Documents documents;

  InboxPages(Inbox inbox, Forms forms, Documents documents) {
    this.inbox = inbox;
    this.forms = forms;
    this.documents = documents;
  }

  /** The upload forms of the task and process pages say how large a file may be. */
  @ModelAttribute("uploadMaxMb")
  long uploadMaxMb() {
    return documents.settings().maxSize().toMegabytes();
  }

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
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model) {
    Caller caller = Caller.of(authentication);
    InboxFilter filter = filter(processKey, due, assigned);
    InboxPage result = inbox.inbox(caller, filter, page, 0, withCounts, locale);
    model.addAttribute("filter", filter);
    model.addAttribute("result", result);
    if (result.counts() != null) {
      model.addAttribute("counted", new InboxPage.Counted(result.total(), result.counts()));
    }
    model.addAttribute("types", inbox.processTypes(locale));
    model.addAttribute("dates", new Dates(locale, zone));
    return htmx != null ? "inbox/inbox :: list" : "inbox/inbox";
  }

  /** The counts of the caller's own inbox for the same filters: the fragment the page loads. */
  @GetMapping("/inbox/counts")
  String inboxCounts(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assigned,
      Authentication authentication,
      Model model) {
    InboxFilter filter = filter(processKey, due, assigned);
    model.addAttribute("filter", filter);
    model.addAttribute("counted", inbox.counts(Caller.of(authentication), filter));
    return "inbox/inbox :: counts";
  }

  private static InboxFilter filter(String processKey, String due, String assigned) {
    return new InboxFilter(
        blankToNull(processKey), oneOf(due, "overdue", "week"), oneOf(assigned, "me", "group"));
  }

  @GetMapping("/tasks/{id}")
  String task(
      @PathVariable String id,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model) {
    return taskPage(Caller.of(authentication), id, null, List.of(), locale, zone, model);
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> form,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    Map<String, Object> values = values(form);
    try {
      inbox.complete(caller, id, values, locale, zone);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return taskPage(caller, id, values, refusal.errors(), locale, zone, model);
    }
    String process = inbox.processOfCompletedTask(id);
    redirect.addFlashAttribute("notice", "inbox.task.completed");
    return process == null ? "redirect:/inbox" : "redirect:/processes/" + process;
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(
      @PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    inbox.claim(Caller.of(authentication), id);
    redirect.addFlashAttribute("notice", "inbox.task.claimed");
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(
      @PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    inbox.unclaim(Caller.of(authentication), id);
    redirect.addFlashAttribute("notice", "inbox.task.unclaimed");
    return "redirect:/inbox";
  }

  @PostMapping("/tasks/{id}/delegate")
  String delegate(
      @PathVariable String id,
      @RequestParam(required = false) String userId,
      Authentication authentication,
      Locale locale,
      RedirectAttributes redirect) {
    inbox.delegate(Caller.of(authentication), id, userId, locale);
    redirect.addFlashAttribute("notice", "inbox.task.delegated");
    return "redirect:/inbox";
  }

  @PostMapping("/tasks/{id}/comments")
  String comment(
      @PathVariable String id,
      @RequestParam(required = false) String text,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response) {
    Caller caller = Caller.of(authentication);
    try {
      inbox.comment(caller, id, text, locale);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("commentError", refusal.errors().get(0).message());
      model.addAttribute("commentText", text);
      return taskPage(caller, id, null, List.of(), locale, zone, model);
    }
    return "redirect:/tasks/" + id + "#comments";
  }

  /**
   * A document, or a new version of one, uploaded from the task page, with the rules of the API
   * (Documents.upload: participants only, size, type checked on the content). A refusal comes back
   * on the task page with its status and nothing stored.
   */
  @PostMapping("/tasks/{id}/documents")
  String uploadOnTask(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String documentId,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    // only someone who may see the task reaches its process's documents this way
    String process = inbox.task(caller, id, locale).task().processInstanceId();
    return upload(
        caller,
        process,
        documentId,
        file,
        "/tasks/" + id,
        () -> taskPage(caller, id, null, List.of(), locale, zone, model),
        model,
        response,
        redirect);
  }

  /** The same from the process page. */
  @PostMapping("/processes/{id}/documents")
  String uploadOnProcess(
      @PathVariable String id,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String documentId,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return upload(
        Caller.of(authentication),
        id,
        documentId,
        file,
        "/processes/" + id,
        () -> process(id, authentication, locale, zone, model),
        model,
        response,
        redirect);
  }

  /**
   * Stores the upload and goes back to the documents of {@code page}; a refusal renders {@code
   * refusedPage} with its status instead, nothing stored.
   */
  private String upload(
      Caller caller,
      String process,
      String documentId,
      MultipartFile file,
      String page,
      Supplier<String> refusedPage,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      store(caller, process, documentId, file);
    } catch (Refusal refusal) {
      refused(refusal, model, response);
      return refusedPage.get();
    }
    redirect.addFlashAttribute("notice", "inbox.documents.uploaded");
    return "redirect:" + page + "#documents";
  }

  private void store(Caller caller, String process, String documentId, MultipartFile file) {
    byte[] content;
    try {
      content = file == null ? null : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    documents.upload(
        caller.participant(),
        process,
        blankToNull(documentId),
        file == null ? null : file.getOriginalFilename(),
        content);
  }

  private static void refused(Refusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(refusal.reason().status());
    model.addAttribute("uploadErrorKey", refusal.messageKey());
    model.addAttribute("uploadErrorArgs", refusal.args());
  }

  @GetMapping("/processes/new")
  String launchable(Authentication authentication, Locale locale, Model model) {
    model.addAttribute("types", inbox.launchable(Caller.of(authentication), locale));
    return "inbox/launch";
  }

  @GetMapping("/processes/new/{key}")
  String startForm(
      @PathVariable String key,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model) {
    return launchPage(Caller.of(authentication), key, Map.of(), List.of(), locale, zone, model);
  }

  @PostMapping("/processes/new/{key}")
  String launch(
      @PathVariable String key,
      @RequestParam MultiValueMap<String, String> form,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    Map<String, Object> values = values(form);
    StartedProcess started;
    try {
      started = inbox.launch(caller, key, values, locale, zone);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.INVALID) {
        throw refusal;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return launchPage(caller, key, values, refusal.errors(), locale, zone, model);
    }
    redirect.addFlashAttribute("notice", "inbox.process.started.notice");
    return "redirect:/processes/" + started.id();
  }

  @GetMapping("/processes")
  String processes(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String state,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model) {
    String chosenState = oneOf(state, "active", "completed");
    model.addAttribute(
        "processes",
        inbox.processes(Caller.of(authentication), blankToNull(processKey), chosenState, locale));
    model.addAttribute("types", inbox.processTypes(locale));
    model.addAttribute("processKey", blankToNull(processKey));
    model.addAttribute("state", chosenState);
    model.addAttribute("dates", new Dates(locale, zone));
    return "inbox/processes";
  }

  @GetMapping("/processes/{id}")
  String process(
      @PathVariable String id,
      Authentication authentication,
      Locale locale,
      ZoneId zone,
      Model model) {
    model.addAttribute("details", inbox.process(Caller.of(authentication), id, locale));
    model.addAttribute("dates", new Dates(locale, zone));
    return "inbox/process";
  }

  private String taskPage(
      Caller caller,
      String id,
      Map<String, ?> submitted,
      List<FieldError> errors,
      Locale locale,
      ZoneId zone,
      Model model) {
    TaskDetails details = inbox.task(caller, id, locale);
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

  private String launchPage(
      Caller caller,
      String key,
      Map<String, ?> values,
      List<FieldError> errors,
      Locale locale,
      ZoneId zone,
      Model model) {
    LaunchableProcess type = inbox.launchable(caller, key, locale);
    model.addAttribute("type", type);
    model.addAttribute(
        "form", forms.view(type.startFormId(), values, errors, Map.of(), locale, zone));
    return "inbox/start";
  }

  /** What an HTML form sent, without the CSRF token; several values stay a list. */
  private static Map<String, Object> values(MultiValueMap<String, String> form) {
    Map<String, Object> values = new LinkedHashMap<>();
    form.forEach(
        (name, list) -> {
          if (!NOT_VALUES.contains(name)) {
            values.put(name, list);
          }
        });
    return values;
  }

  /** The value if it is one of those allowed, else null (no filter). */
  private static String oneOf(String value, String... allowed) {
    return value != null && List.of(allowed).contains(value) ? value : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
