package org.govflow.inbox.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.Document;
import org.govflow.forms.Forms;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.InboxPage;
import org.govflow.inbox.InboxTask;
import org.govflow.inbox.TaskDetails;
import org.govflow.inbox.TaskList;
import org.govflow.inbox.TaskWork;
import org.govflow.inbox.internal.ProcessApiController.FormRef;
import org.govflow.web.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox and its tasks over HTTP: the paths of API.md, JSON in and out. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InboxApiController {

  private static final Set<String> DUE = Set.of("overdue", "week");
  private static final Set<String> ASSIGNED = Set.of("me", "group");

  private final TaskList tasks;
  private final TaskWork work;
  private final TaskSheet sheet;
  private final Forms forms;
  private final MessageSource messages;

  @Operation(summary = "The caller's tasks and their bodies' tasks", operationId = "getInbox")
  @GetMapping("/inbox")
  InboxPage inbox(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assigned,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "0") int size,
      @RequestParam(name = "counts", defaultValue = "true") boolean withCounts,
      Caller caller,
      Locale locale) {
    check("due", due, DUE, locale);
    check("assigned", assigned, ASSIGNED, locale);
    // counts stay by default (clients rely on them, API.md); counts=false skips their query
    return tasks.inbox(
        caller, new InboxFilter(processKey, due, assigned), page, size, withCounts, locale);
  }

  @Operation(
      summary = "A task with its form, current values, documents and comments",
      operationId = "getTask")
  @GetMapping("/tasks/{id}")
  TaskView task(@PathVariable String id, Caller caller, Locale locale) {
    TaskDetails details = sheet.of(caller, id, locale);
    return new TaskView(
        details.task(),
        details.description(),
        FormRef.of(forms, details.formId()),
        details.values(),
        details.comments(),
        details.timeline(),
        details.documents(),
        details.mayAct());
  }

  @Operation(summary = "Take a body's task", operationId = "claimTask")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/tasks/{id}/claim")
  ResponseEntity<Void> claim(@PathVariable String id, Caller caller) {
    work.claim(caller, id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Give a task back to its body", operationId = "unclaimTask")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/tasks/{id}/unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String id, Caller caller) {
    work.unclaim(caller, id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Hand a task to another person", operationId = "delegateTask")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/tasks/{id}/delegate")
  ResponseEntity<Void> delegate(
      @PathVariable String id, @RequestBody DelegateRequest request, Caller caller, Locale locale) {
    work.delegate(caller, id, request.userId(), locale);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Complete a task with its form's values", operationId = "completeTask")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/tasks/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable String id,
      @RequestBody CompleteRequest request,
      Caller caller,
      Locale locale,
      ZoneId zone) {
    work.complete(caller, id, request.values() == null ? Map.of() : request.values(), locale, zone);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Comment on a task", operationId = "commentTask")
  @ApiResponse(responseCode = "201", description = "The comment as stored")
  @PostMapping("/tasks/{id}/comments")
  ResponseEntity<TaskDetails.Comment> comment(
      @PathVariable String id, @RequestBody CommentRequest request, Caller caller, Locale locale) {
    return ResponseEntity.status(201).body(work.comment(caller, id, request.text(), locale));
  }

  private void check(String field, String value, Set<String> allowed, Locale locale) {
    if (value != null && !value.isEmpty() && !allowed.contains(value)) {
      throw SubmissionCheck.invalid(
          field,
          messages.getMessage(
              "inbox.problem.oneOf", new Object[] {String.join(", ", allowed)}, locale));
    }
  }

  record CompleteRequest(
      @Schema(
              description = "The task form's values, by field key",
              example = "{\"review\": \"approve\"}")
          Map<String, Object> values) {}

  record DelegateRequest(@Schema(example = "diego.fuentes") String userId) {}

  record CommentRequest(@Schema(example = "The figures of section 3 are from 2024.") String text) {}

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
