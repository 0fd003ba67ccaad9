package org.govflow.meetings.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/meetings and /api/v1/meetings/{businessKey}; POST .../reschedule and .../cancel for
 * the secretariat and leadership.
 */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingApiController {

  private final MeetingViews views;
  private final MeetingChanges changes;
  private final MessageSource messages;

  MeetingApiController(MeetingViews views, MeetingChanges changes, MessageSource messages) {
    this.views = views;
    this.changes = changes;
    this.messages = messages;
  }

  @GetMapping
  List<MeetingViews.Summary> list(Authentication who, Locale locale) {
    return views.list(who, locale);
  }

  @GetMapping("/{businessKey}")
  ResponseEntity<?> one(@PathVariable String businessKey, Authentication who, Locale locale) {
    MeetingViews.Details details = views.details(businessKey, who, locale);
    if (details == null) {
      return problem(
          HttpStatus.NOT_FOUND,
          messages.getMessage("meetings.problem.unknown", new Object[] {businessKey}, locale),
          null);
    }
    return ResponseEntity.ok(details);
  }

  /** {"start", "end", "timeZone"}: the wall-clock times where the meeting is held. */
  @PostMapping("/{businessKey}/reschedule")
  MeetingViews.Details reschedule(
      @PathVariable String businessKey,
      @RequestBody NewDates dates,
      Authentication who,
      Locale locale) {
    changes.reschedule(who, businessKey, dates.start(), dates.end(), dates.timeZone(), locale);
    return views.details(businessKey, who, locale);
  }

  @PostMapping("/{businessKey}/cancel")
  ResponseEntity<Void> cancel(
      @PathVariable String businessKey,
      @RequestBody CallOff callOff,
      Authentication who,
      Locale locale) {
    changes.cancel(who, businessKey, callOff.reason(), true, locale);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(MeetingChangeRefused.class)
  ResponseEntity<ProblemDetail> refused(MeetingChangeRefused refusal) {
    return problem(
        refusal.status(),
        refusal.getMessage(),
        refusal.errors().stream()
            .map(e -> Map.of("field", e.field(), "message", e.message()))
            .toList());
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
    return problem(
        HttpStatus.BAD_REQUEST,
        messages.getMessage("meetings.problem.unreadable", null, locale),
        List.of());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  record NewDates(String start, String end, String timeZone) {}

  record CallOff(String reason) {}
}
