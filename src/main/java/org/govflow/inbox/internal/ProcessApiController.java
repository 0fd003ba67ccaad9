package org.govflow.inbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.Forms;
import org.govflow.inbox.Launchpad;
import org.govflow.inbox.ProcessDetails;
import org.govflow.inbox.ProcessList;
import org.govflow.inbox.ProcessSummary;
import org.govflow.web.Caller;
import org.govflow.workflow.StartedProcess;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Launching and the processes over HTTP: the paths of API.md, JSON in and out. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProcessApiController {

  private final Launchpad launchpad;
  private final ProcessList processes;
  private final ProcessSheet sheet;
  private final Forms forms;
  private final MessageSource messages;
  private final ObjectMapper json;

  @Operation(
      summary = "What the caller may launch, with each start form",
      operationId = "listProcessTypes")
  @GetMapping("/process-types")
  List<ProcessTypeView> processTypes(Caller caller, Locale locale) {
    return launchpad.launchable(caller, locale).stream()
        .map(p -> new ProcessTypeView(p.key(), p.name(), FormRef.of(forms, p.startFormId())))
        .toList();
  }

  @Operation(summary = "Launch a process with its start form values", operationId = "launchProcess")
  @ApiResponse(responseCode = "201", description = "Launched; Location names the new process")
  @PostMapping("/processes")
  ResponseEntity<StartedProcess> launch(
      @RequestBody LaunchRequest request, Caller caller, Locale locale, ZoneId zone) {
    StartedProcess started =
        launchpad.launch(
            caller,
            request.processKey(),
            request.values() == null ? Map.of() : request.values(),
            locale,
            zone);
    return ResponseEntity.created(URI.create("/api/v1/processes/" + started.id())).body(started);
  }

  @Operation(
      summary =
          "Launch a process with its start form values and its document (a document approval)",
      operationId = "launchProcessWithDocument")
  @ApiResponse(responseCode = "201", description = "Launched; Location names the new process")
  @PostMapping(value = "/processes/with-document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StartedProcess> launchWithDocument(
      @RequestParam String processKey,
      @Parameter(description = "The start form's values, by field key, as one JSON object")
          @RequestParam(required = false)
          String values,
      @RequestParam(required = false) MultipartFile file,
      Caller caller,
      Locale locale,
      ZoneId zone) {
    Map<String, Object> parsed;
    try {
      parsed =
          values == null || values.isBlank()
              ? Map.of()
              : json.readValue(values, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw SubmissionCheck.invalid(
          "values", messages.getMessage("inbox.problem.valuesNotJson", null, locale));
    }
    StartedProcess started =
        launchpad.launch(caller, processKey, parsed, LaunchPages.attachment(file), locale, zone);
    return ResponseEntity.created(URI.create("/api/v1/processes/" + started.id())).body(started);
  }

  @Operation(summary = "The processes the caller may see", operationId = "listProcesses")
  @GetMapping("/processes")
  List<ProcessSummary> processes(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String state,
      Caller caller,
      Locale locale) {
    return processes.processes(caller, processKey, state, locale);
  }

  @Operation(
      summary = "A process: state, current steps, timeline, documents, decisions",
      operationId = "getProcess")
  @GetMapping("/processes/{id}")
  ProcessDetails process(@PathVariable String id, Caller caller, Locale locale) {
    return sheet.of(caller, id, locale);
  }

  record LaunchRequest(
      @Schema(example = "policy-recommendation") String processKey,
      @Schema(
              description = "The start form's values, by field key",
              example =
                  "{\"council\": \"council-right-to-city\", \"title\": \"Housing as a right\","
                      + " \"summary\": \"Cities recommend that housing be treated as a right.\","
                      + " \"document\": \"# Housing as a right\", \"sections\":"
                      + " [\"section-africa\"], \"consultationDays\": 15}")
          Map<String, Object> values) {}

  record ProcessTypeView(String key, String name, FormRef startForm) {}

  /** A form and its schema, for clients that render it themselves. */
  record FormRef(String id, JsonNode schema) {

    static FormRef of(Forms forms, String formId) {
      return formId == null ? null : new FormRef(formId, forms.schemaJson(formId));
    }
  }
}
