package org.govflow.recommendations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.govflow.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recommendations over the API: the list, one with its records, a comment's disposition. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecommendationApi {

  private final RecommendationViews views;
  private final Dispositions dispositions;
  private final MessageSource messages;

  @Operation(
      summary = "The recommendations the caller may see",
      operationId = "listRecommendations")
  @GetMapping("/api/v1/recommendations")
  List<RecommendationSummary> list(Caller caller) {
    return views.list(caller.participant());
  }

  @Operation(
      summary = "A recommendation with its drafts, comments, votes and decisions",
      operationId = "getRecommendation")
  @GetMapping("/api/v1/recommendations/{businessKey}")
  RecommendationDetails one(@PathVariable String businessKey, Caller caller) {
    return views.details(caller.participant(), businessKey);
  }

  @Operation(
      summary = "Give a consultation comment its disposition",
      operationId = "disposeComment")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/api/v1/recommendations/{businessKey}/comments/{id}/disposition")
  ResponseEntity<Void> dispose(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestBody DispositionGiven body,
      Caller caller) {
    dispositions.dispose(caller.participant(), businessKey, id, body.disposition(), body.reason());
    return ResponseEntity.noContent().build();
  }

  /**
   * A disposition as sent. Checked by {@link Dispositions}, as the page's form is: whether the
   * reason is needed depends on the disposition, and the caller's right to give one comes first.
   */
  record DispositionGiven(
      @Schema(description = "accepted, partly or not-accepted", example = "partly")
          String disposition,
      @Schema(example = "The 2024 figures stay; the new survey is cited in a footnote.")
          String reason) {}

  /** Its own text ("could not be read as JSON"), not the shared one's. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(Locale locale) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST.value(), messages, "recommendations.unreadable", null, locale);
    problem.setProperty("errors", List.of());
    return Problems.answer(problem);
  }
}
