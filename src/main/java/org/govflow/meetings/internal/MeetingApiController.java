package org.govflow.meetings.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/meetings and /api/v1/meetings/{businessKey}. */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingApiController {

  private final MeetingViews views;
  private final MessageSource messages;

  MeetingApiController(MeetingViews views, MessageSource messages) {
    this.views = views;
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
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.NOT_FOUND,
                  messages.getMessage(
                      "meetings.problem.unknown", new Object[] {businessKey}, locale)));
    }
    return ResponseEntity.ok(details);
  }
}
