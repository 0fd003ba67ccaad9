package org.govflow.recommendations.internal;

import java.util.List;
import java.util.Locale;
import org.govflow.recommendations.RecommendationDetails;
import org.govflow.recommendations.RecommendationManagement;
import org.govflow.recommendations.RecommendationSummary;
import org.govflow.web.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recommendations over the API: the list, one with its records, a comment's disposition. */
@RestController
class RecommendationApi {

  private final RecommendationManagement recommendations;
  private final MessageSource messages;

  RecommendationApi(RecommendationManagement recommendations, MessageSource messages) {
    this.recommendations = recommendations;
    this.messages = messages;
  }

  @GetMapping("/api/v1/recommendations")
  List<RecommendationSummary> list(Authentication authentication) {
    return recommendations.list(Caller.of(authentication).participant());
  }

  @GetMapping("/api/v1/recommendations/{businessKey}")
  RecommendationDetails one(@PathVariable String businessKey, Authentication authentication) {
    return recommendations.details(Caller.of(authentication).participant(), businessKey);
  }

  @PostMapping("/api/v1/recommendations/{businessKey}/comments/{id}/disposition")
  ResponseEntity<Void> dispose(
      @PathVariable String businessKey,
      @PathVariable long id,
      @RequestBody Disposition body,
      Authentication authentication) {
    recommendations.dispose(
        Caller.of(authentication).participant(),
        businessKey,
        id,
        body.disposition(),
        body.reason());
    return ResponseEntity.noContent().build();
  }

  record Disposition(String disposition, String reason) {}

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage("recommendations.unreadable", null, locale));
    problem.setProperty("errors", List.of());
    return problem(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
