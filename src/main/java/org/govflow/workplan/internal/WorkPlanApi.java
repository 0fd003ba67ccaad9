package org.govflow.workplan.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.govflow.workplan.internal.WorkPlanViews.ActionView;
import org.govflow.workplan.internal.WorkPlanViews.Filter;
import org.govflow.workplan.internal.WorkPlanViews.PlanSummary;
import org.govflow.workplan.internal.WorkPlanViews.PlanView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Work plans over the API: import (the secretariat), list, one plan with its sections and actions,
 * an action's owner and links (the secretariat), and a period's implementation report as JSON, HTML
 * or CSV.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanApi {

  private final WorkPlanImports imports;
  private final WorkPlanOwners owners;
  private final WorkPlanLinks links;
  private final WorkPlanViews views;
  private final Implementations implementations;

  @Operation(
      summary = "Import a year's work plan from its document or CSV (secretariat)",
      operationId = "importWorkPlan")
  @ApiResponse(
      responseCode = "201",
      description = "Imported: the counts of chapters, sections and actions")
  @PostMapping(path = "/api/v1/workplans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<WorkPlanImports.Counts> importPlan(
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "year", required = false) Integer year,
      Caller caller) {
    secretariat(caller);
    if (file == null || year == null) {
      throw Refusal.invalid(
          List.of(new FieldError(file == null ? "file" : "year", "required")),
          "workplan.import.missing");
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(imports.importPlan(year, file.getOriginalFilename(), content, caller.personId()));
  }

  @Operation(summary = "The work plans imported, by year", operationId = "listWorkPlans")
  @GetMapping("/api/v1/workplans")
  List<PlanSummary> list() {
    return views.plans();
  }

  @Operation(
      summary = "A work plan: chapters, sections, actions with owner, status, progress and links",
      operationId = "getWorkPlan")
  @GetMapping("/api/v1/workplans/{year}")
  PlanView one(
      @PathVariable int year,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String partner,
      @RequestParam(required = false) String status) {
    return views.plan(year, new Filter(owner, kind, partner, status));
  }

  /** An action's owner and focal point, and links to add. */
  record ActionChange(
      @Schema(description = "The owning body's id", example = "section-africa") String owner,
      @Schema(example = "ibrahima.sarr") String focalPoint,
      List<LinkGiven> links) {}

  record LinkGiven(
      @Schema(example = "declaration") String kind,
      @Schema(example = "DECL-2027-001") String reference) {}

  @Operation(
      summary = "Set an action's owner body, focal point and links (secretariat)",
      operationId = "updateWorkPlanAction")
  @PutMapping("/api/v1/workplans/{year}/actions/{ref}")
  ActionView change(
      @PathVariable int year,
      @PathVariable String ref,
      @RequestBody ActionChange change,
      Caller caller) {
    secretariat(caller);
    if (change.owner() != null) {
      owners.assign(year, ref, change.owner(), change.focalPoint(), caller.personId());
    }
    if (change.links() != null) {
      for (LinkGiven link : change.links()) {
        links.link(year, ref, link.kind(), link.reference(), caller.personId());
      }
    }
    return views.action(year, ref);
  }

  /** Suggests links for every action (bodies named, partners' MoUs); how many are new. */
  @Operation(
      summary = "Suggest links from actions to the processes that serve them",
      operationId = "suggestWorkPlanLinks")
  @PostMapping("/api/v1/workplans/{year}/suggestions")
  Map<String, Integer> suggest(@PathVariable int year, Caller caller) {
    secretariat(caller);
    return Map.of("suggested", links.suggest(year));
  }

  /** A person confirms a suggested link. */
  @Operation(summary = "Confirm a suggested link of an action", operationId = "confirmWorkPlanLink")
  @PostMapping("/api/v1/workplans/{year}/actions/{ref}/links/{id}/confirm")
  ActionView confirm(
      @PathVariable int year, @PathVariable String ref, @PathVariable long id, Caller caller) {
    secretariat(caller);
    links.confirm(year, ref, id, caller.personId());
    return views.action(year, ref);
  }

  @Operation(
      summary = "The implementation report of a period (JSON, CSV, HTML or PDF by Accept)",
      operationId = "getWorkPlanReport")
  @GetMapping(path = "/api/v1/workplans/{year}/report", produces = MediaType.APPLICATION_JSON_VALUE)
  Implementations.ReportView report(@PathVariable int year, @RequestParam String period) {
    return implementations.view(year, period);
  }

  @Operation(
      summary = "The implementation report of a period (JSON, CSV, HTML or PDF by Accept)",
      operationId = "getWorkPlanReport")
  @GetMapping(path = "/api/v1/workplans/{year}/report", produces = "text/csv")
  ResponseEntity<String> reportCsv(@PathVariable int year, @RequestParam String period) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(implementations.view(year, period).csv());
  }

  @Operation(
      summary = "The implementation report of a period (JSON, CSV, HTML or PDF by Accept)",
      operationId = "getWorkPlanReport")
  @GetMapping(path = "/api/v1/workplans/{year}/report", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> reportHtml(@PathVariable int year, @RequestParam String period) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(implementations.view(year, period).html());
  }

  @Operation(
      summary = "The implementation report of a period (JSON, CSV, HTML or PDF by Accept)",
      description =
          "HTML is the English record that the SHA-256 hashes; the PDF is in the caller's"
              + " language and time zone.",
      operationId = "getWorkPlanReport")
  @GetMapping(path = "/api/v1/workplans/{year}/report", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> reportPdf(
      @PathVariable int year, @RequestParam String period, Locale locale, TimeZone zone) {
    return pdf(year, period, implementations.pdf(year, period, locale, zone.toZoneId()), locale);
  }

  /** A report's PDF as a file named after the plan, the period and the language. */
  static ResponseEntity<byte[]> pdf(int year, String period, byte[] content, Locale locale) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(
                    "workplan-" + year + "-" + period.trim() + "-" + locale.getLanguage() + ".pdf")
                .build()
                .toString())
        .body(content);
  }

  private static void secretariat(Caller caller) {
    if (!caller.overseesAll()) {
      throw Refusal.forbidden("workplan.secretariat-only");
    }
  }
}
