package org.govflow.decisions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.ChainVerification;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Directory;
import org.govflow.web.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/decisions}: the register as JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DecisionsApiController {

  static final int MAX_ROWS = 10_000;

  private final DecisionRegister register;
  private final DecisionAccess access;
  private final Directory directory;

  @Operation(
      summary = "The decision register, filtered; CSV with Accept: text/csv",
      operationId = "listDecisions")
  @ApiResponse(
      responseCode = "200",
      description = "The decisions, newest first",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = DecisionView.class))),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  @GetMapping(value = "/api/v1/decisions", produces = "application/json")
  List<DecisionView> list(
      @ParameterObject DecisionAccess.FilterParams params,
      Caller caller,
      Locale locale,
      TimeZone zone) {
    return views(params, caller, locale, zone);
  }

  @Operation(
      summary = "The decision register, filtered; CSV with Accept: text/csv",
      operationId = "listDecisions")
  @GetMapping(value = "/api/v1/decisions", produces = "text/csv")
  void csv(
      @ParameterObject DecisionAccess.FilterParams params,
      Caller caller,
      Locale locale,
      TimeZone zone,
      HttpServletResponse response)
      throws IOException {
    List<DecisionView> rows = views(params, caller, locale, zone);
    response.setContentType("text/csv;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"decisions.csv\"");
    DecisionCsv.write(rows, response.getWriter());
  }

  @Operation(summary = "One decision of the register", operationId = "getDecision")
  @GetMapping("/api/v1/decisions/{id}")
  DecisionView one(@PathVariable long id, Caller caller, Locale locale) {
    DecisionViewer viewer = access.viewer(caller);
    return register
        .find(id)
        .filter(viewer::maySee)
        .map(d -> DecisionView.of(d, directory, locale))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such decision"));
  }

  @Operation(
      summary = "Verify the register's hash chain (operators, leadership)",
      operationId = "verifyDecisionChain")
  @GetMapping("/api/v1/decisions/verification")
  @PreAuthorize("hasAnyRole('ADMIN', 'LEADERSHIP')")
  ChainVerification verify() {
    return register.verify();
  }

  @ExceptionHandler(DecisionAccess.InvalidFilterException.class)
  ResponseEntity<ProblemDetail> invalidFilter(DecisionAccess.InvalidFilterException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", e.field, "message", e.getMessage())));
    return ResponseEntity.badRequest().body(problem);
  }

  private List<DecisionView> views(
      @ParameterObject DecisionAccess.FilterParams params,
      Caller caller,
      Locale locale,
      TimeZone zone) {
    return register
        .list(access.filter(params, zone.toZoneId(), locale), access.viewer(caller), MAX_ROWS)
        .stream()
        .map(d -> DecisionView.of(d, directory, locale))
        .toList();
  }
}
