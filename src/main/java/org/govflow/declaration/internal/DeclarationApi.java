package org.govflow.declaration.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.internal.DeclarationDetails.Summary;
import org.govflow.web.Caller;
import org.govflow.workflow.StartedProcess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Declarations over the API: the list, one with its versions and amendments, amending, the diff.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationApi {

  private final DeclarationViews views;
  private final DeclarationActions actions;
  private final DeclarationLaunches launches;

  @Operation(
      summary = "The declarations the caller takes part in",
      operationId = "listDeclarations")
  @GetMapping("/api/v1/declarations")
  List<Summary> list(Caller caller) {
    return views.list(caller.participant());
  }

  @Operation(
      summary = "Launch a declaration, its zero draft pasted or uploaded (.md, .txt, .docx)",
      operationId = "launchDeclaration",
      description =
          "Multipart form: the start form's fields (title, language, groups repeated, rounds,"
              + " roundDays) and either draft (the text) or draftFile (Markdown, plain text or"
              + " Word .docx, numbered paragraphs). The file is kept as a document of the process.")
  @ApiResponse(responseCode = "201", description = "Launched: the process id and business key")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schema = @Schema(implementation = LaunchForm.class)))
  @PostMapping(path = "/api/v1/declarations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StartedProcess> launch(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
      @Parameter(hidden = true) @RequestParam(value = DraftFiles.FIELD, required = false)
          MultipartFile draftFile,
      Caller caller,
      Locale locale,
      ZoneId zone) {
    StartedProcess started =
        launches.launch(
            caller,
            DeclarationPages.values(form),
            draftFile == null ? null : draftFile.getOriginalFilename(),
            DeclarationPages.bytes(draftFile),
            locale,
            zone);
    return ResponseEntity.created(URI.create("/api/v1/declarations/" + started.businessKey()))
        .body(started);
  }

  @Operation(
      summary = "A declaration: stage, versions with paragraphs, amendments, dispositions",
      operationId = "getDeclaration")
  @GetMapping("/api/v1/declarations/{businessKey}")
  DeclarationDetails one(@PathVariable String businessKey, Caller caller) {
    return views.details(caller.participant(), businessKey);
  }

  @Operation(
      operationId = "fileAmendment",
      summary = "File an amendment for one's own group in the open round",
      description =
          "kind: modify, insert-after, delete (paragraphId required) or comment (none); text"
              + " required except for delete.")
  @ApiResponse(responseCode = "201", description = "Filed: its id, and its address in Location")
  @PostMapping("/api/v1/declarations/{businessKey}/amendments")
  ResponseEntity<Map<String, Long>> file(
      @PathVariable String businessKey,
      @RequestBody AmendmentFiled body,
      Caller caller,
      Locale locale) {
    long id =
        actions.file(
            caller.participant(),
            businessKey,
            body.group(),
            body.kind(),
            body.paragraphId(),
            body.text(),
            body.justification(),
            locale);
    return ResponseEntity.created(
            URI.create("/api/v1/declarations/" + businessKey + "/amendments/" + id))
        .body(Map.of("id", id));
  }

  @Operation(
      summary = "Change one's own group's amendment while the round is open",
      operationId = "editAmendment")
  @PutMapping("/api/v1/declarations/{businessKey}/amendments/{id}")
  ResponseEntity<Void> edit(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestBody AmendmentFiled body,
      Caller caller,
      Locale locale) {
    actions.edit(
        caller.participant(),
        businessKey,
        id,
        body.kind(),
        body.paragraphId(),
        body.text(),
        body.justification(),
        locale);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Withdraw one's own group's amendment while the round is open",
      operationId = "withdrawAmendment")
  @DeleteMapping("/api/v1/declarations/{businessKey}/amendments/{id}")
  ResponseEntity<Void> withdraw(
      @PathVariable String businessKey, @PathVariable long id, Caller caller) {
    actions.withdraw(caller.participant(), businessKey, id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      operationId = "disposeAmendment",
      summary = "The drafting committee's disposition of an amendment, once",
      description =
          "outcome: accepted, accepted-as-modified (text: the committee's) or rejected; reason"
              + " required.")
  @PostMapping("/api/v1/declarations/{businessKey}/amendments/{id}/disposition")
  ResponseEntity<Void> dispose(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestBody DispositionGiven body,
      Caller caller,
      Locale locale) {
    actions.dispose(
        caller.participant(), businessKey, id, body.outcome(), body.text(), body.reason(), locale);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "The word diff between two versions, paragraph by paragraph",
      operationId = "getDeclarationDiff")
  @GetMapping("/api/v1/declarations/{businessKey}/diff")
  List<WordDiff.ParagraphChange> diff(
      @PathVariable String businessKey,
      @RequestParam int from,
      @RequestParam int to,
      Caller caller) {
    return views.diff(caller.participant(), businessKey, from, to);
  }

  /** An amendment as sent: checked by DeclarationTexts, as the page's form is. */
  record AmendmentFiled(
      @Schema(description = "The contributor group's body id", example = "section-africa")
          String group,
      @Schema(description = "modify, insert-after, delete or comment", example = "modify")
          String kind,
      @Schema(example = "p3") String paragraphId,
      @Schema(example = "Cities shall guarantee access to water for every household.") String text,
      @Schema(example = "Access, not only supply, is what residents lack.") String justification) {}

  /** A disposition as sent (its own schema name: the recommendations' is another record). */
  @Schema(name = "AmendmentDisposition")
  record DispositionGiven(
      @Schema(example = "accepted-as-modified") String outcome,
      @Schema(
              example =
                  "Cities shall guarantee access to water and sanitation for every household.")
          String text,
      @Schema(example = "Sanitation belongs with water in the agreed wording.") String reason) {}

  /** The launch's multipart form, as the OpenAPI document describes it (the handler reads it). */
  @Schema(name = "DeclarationLaunchForm")
  record LaunchForm(
      @Schema(description = "The declaration's title", requiredMode = Schema.RequiredMode.REQUIRED)
          String title,
      @Schema(description = "The authentic language: en, fr or es") String language,
      @Schema(description = "The contributor groups' body ids, the field repeated")
          List<String> groups,
      @Schema(description = "The number of rounds (default 2)") Integer rounds,
      @Schema(description = "Each round's length in days") Integer roundDays,
      @Schema(description = "The zero draft, numbered paragraphs (or draftFile)") String draft,
      @Schema(
              description = "The zero draft as a file: .md, .txt or .docx (or draft)",
              type = "string",
              format = "binary")
          String draftFile) {}
}
