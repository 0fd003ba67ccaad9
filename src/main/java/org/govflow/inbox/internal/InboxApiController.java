package org.govflow.inbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govflow.documents.Document;
import org.govflow.forms.FieldError;
import org.govflow.forms.Forms;
import org.govflow.inbox.Inbox;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.InboxPage;
import org.govflow.inbox.InboxTask;
import org.govflow.inbox.ProcessDetails;
import org.govflow.inbox.ProcessSummary;
import org.govflow.inbox.TaskDetails;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workflow.StartedProcess;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox and launching over HTTP: the paths of API.md, JSON in and out. */
@RestController
@RequestMapping("/api/v1")
class InboxApiController {

  private static final Set<String> DUE = Set.of("overdue", "week");
  private static final Set<String> ASSIGNED = Set.of("me", "group");

  private final Inbox inbox;
  private final Forms forms;
  private final MessageSource messages;

  InboxApiController(Inbox inbox, Forms forms, MessageSource messages) {
    this.inbox = inbox;
    this.forms = forms;
    this.messages = messages;
  }

  @GetMapping("/process-types")
  List<ProcessTypeView> processTypes(Authentication authentication, Locale locale) {
    return inbox.launchable(Caller.of(authentication), locale).stream()
        .map(
            p ->
                new ProcessTypeView(
                    p.key(),
                    p.name(),
                    new FormRef(p.startFormId(), forms.schemaJson(p.startFormId()))))
        .toList();
  }

  @PostMapping("/processes")
  ResponseEntity<StartedProcess> launch(
      @RequestBody LaunchRequest request,
      Authentication authentication,
      Locale locale,
      ZoneId zone) {
    StartedProcess started =
        inbox.launch(
            Caller.of(authentication),
            request.processKey(),
            request.values() == null ? Map.of() : request.values(),
            locale,
            zone);
    return ResponseEntity.created(URI.create("/api/v1/processes/" + started.id())).body(started);
  }

  @GetMapping("/processes")
  List<ProcessSummary> processes(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String state,
      Authentication authentication,
      Locale locale) {
    return inbox.processes(Caller.of(authentication), processKey, state, locale);
  }

  @GetMapping("/processes/{id}")
  ProcessDetails process(@PathVariable String id, Authentication authentication, Locale locale) {
    return inbox.process(Caller.of(authentication), id, locale);
  }

  @GetMapping("/inbox")
  InboxPage inbox(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assigned,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "0") int size,
      @RequestParam(name = "counts", defaultValue = "true") boolean withCounts,
      Authentication authentication,
      Locale locale) {
    check("due", due, DUE, locale);
    check("assigned", assigned, ASSIGNED, locale);
    // counts stay by default (clients rely on them, API.md); counts=false skips their query
    return inbox.inbox(
        Caller.of(authentication),
        new InboxFilter(processKey, due, assigned),
        page,
        size,
        withCounts,
        locale);
  }

  @GetMapping("/tasks/{id}")
  TaskView task(@PathVariable String id, Authentication authentication, Locale locale) {
    TaskDetails details = inbox.task(Caller.of(authentication), id, locale);
    return new TaskView(
        details.task(),
        details.description(),
        details.formId() == null
            ? null
            : new FormRef(details.formId(), forms.schemaJson(details.formId())),
        details.values(),
        details.comments(),
        details.timeline(),
        details.documents(),
        details.mayAct());
  }

  @PostMapping("/tasks/{id}/claim")
  ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
    inbox.claim(Caller.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/tasks/{id}/unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
    inbox.unclaim(Caller.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/tasks/{id}/delegate")
  ResponseEntity<Void> delegate(
      @PathVariable String id,
      @RequestBody DelegateRequest request,
      Authentication authentication,
      Locale locale) {
    inbox.delegate(Caller.of(authentication), id, request.userId(), locale);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/tasks/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable String id,
      @RequestBody CompleteRequest request,
      Authentication authentication,
      Locale locale,
      ZoneId zone) {
    inbox.complete(
        Caller.of(authentication),
        id,
        request.values() == null ? Map.of() : request.values(),
        locale,
        zone);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/tasks/{id}/comments")
  ResponseEntity<TaskDetails.Comment> comment(
      @PathVariable String id,
      @RequestBody CommentRequest request,
      Authentication authentication,
      Locale locale) {
    TaskDetails.Comment comment =
        inbox.comment(Caller.of(authentication), id, request.text(), locale);
    return ResponseEntity.status(201).body(comment);
  }

  private void check(String field, String value, Set<String> allowed, Locale locale) {
    if (value != null && !value.isEmpty() && !allowed.contains(value)) {
      throw new Refusal(
          Refusal.Reason.INVALID,
          List.of(
              new FieldError(
                  field,
                  messages.getMessage(
                      "inbox.problem.oneOf", new Object[] {String.join(", ", allowed)}, locale))),
          "inbox.problem.invalid");
    }
  }

  record LaunchRequest(String processKey, Map<String, Object> values) {}

  record CompleteRequest(Map<String, Object> values) {}

  record DelegateRequest(String userId) {}

  record CommentRequest(String text) {}

  record FormRef(String id, JsonNode schema) {}

  record ProcessTypeView(String key, String name, FormRef startForm) {}

  record TaskView(
      InboxTask task,
      String description,
      FormRef form,
      Map<String, Object> values,
      List<TaskDetails.Comment> comments,
      List<TaskDetails.Step> timeline,
      List<Document> documents,
      boolean mayComplete) {}
}
