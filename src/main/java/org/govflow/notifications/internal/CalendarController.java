package org.govflow.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's calendar (deadlines) as iCalendar, and the secret subscription address calendar apps
 * use without logging in ({@code /api/v1/calendar/{token}.ics}, permitted by the security
 * configuration); renewing the address makes the old one stop working.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CalendarController {

  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeed feed;

  @Operation(
      summary = "The caller's meetings and deadlines as iCalendar",
      operationId = "getCalendar")
  @ApiResponse(
      responseCode = "200",
      description = "iCalendar (RFC 5545)",
      content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
  @GetMapping("/calendar.ics")
  ResponseEntity<String> mine(Caller caller) {
    return calendar(feed.ics(caller.personId()));
  }

  @Operation(
      summary = "A calendar by its secret subscription address, without a login",
      operationId = "getSubscribedCalendar")
  @SecurityRequirements // the secret address is the credential
  @ApiResponse(
      responseCode = "200",
      description = "iCalendar (RFC 5545)",
      content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> subscribed(@PathVariable String token) {
    String personId =
        feed.personOf(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return calendar(feed.ics(personId));
  }

  @Operation(
      summary = "The caller's secret calendar subscription address",
      operationId = "getCalendarSubscription")
  @GetMapping("/calendar/subscription")
  Map<String, String> subscription(Caller caller) {
    return Map.of("url", feed.url(feed.token(caller.personId())));
  }

  @Operation(
      summary = "A new calendar subscription address; the old one stops working",
      operationId = "renewCalendarSubscription")
  @PostMapping("/calendar/subscription")
  Map<String, String> renew(Caller caller) {
    return Map.of("url", feed.url(feed.renew(caller.personId())));
  }

  private static ResponseEntity<String> calendar(String ics) {
    return ResponseEntity.ok().contentType(CALENDAR).body(ics);
  }
}
