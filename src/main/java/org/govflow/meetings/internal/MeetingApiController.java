package org.govflow.meetings.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/meetings and /api/v1/meetings/{businessKey}; POST .../reschedule and .../cancel for
 * the secretariat and leadership. Refusals are answered by web's API advice.
 */
@RestController
@RequestMapping("/api/v1/meetings")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingApiController {

  private final MeetingViews views;
  private final MeetingChanges changes;

  @Operation(summary = "The statutory meetings the caller may see", operationId = "listMeetings")
  @GetMapping
  List<MeetingViews.Summary> list(Caller caller, Locale locale) {
    return views.list(caller, locale);
  }

  @Operation(
      summary = "One meeting: date, place, agenda, attendance and decisions",
      operationId = "getMeeting")
  @GetMapping("/{businessKey}")
  MeetingViews.Details one(@PathVariable String businessKey, Caller caller, Locale locale) {
    MeetingViews.Details details = views.details(businessKey, caller, locale);
    if (details == null) {
      throw Refusal.notFound("meetings.problem.unknown", businessKey);
    }
    return details;
  }

  /** {"start", "end", "timeZone"}: the wall-clock times where the meeting is held. */
  @Operation(summary = "Move a meeting to another date or place", operationId = "rescheduleMeeting")
  @ApiResponse(responseCode = "200", description = "OK")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/{businessKey}/reschedule")
  MeetingViews.Details reschedule(
      @PathVariable String businessKey, @RequestBody NewDates dates, Caller caller, Locale locale) {
    changes.reschedule(caller, businessKey, dates.start(), dates.end(), dates.timeZone(), locale);
    return views.details(businessKey, caller, locale);
  }

  @Operation(summary = "Cancel a meeting", operationId = "cancelMeeting")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(
      responseCode = "409",
      description = "The state has moved on: already done, or not possible now")
  @PostMapping("/{businessKey}/cancel")
  ResponseEntity<Void> cancel(
      @PathVariable String businessKey,
      @RequestBody CallOff callOff,
      Caller caller,
      Locale locale) {
    changes.cancel(caller, businessKey, callOff.reason(), true, locale);
    return ResponseEntity.noContent().build();
  }

  record NewDates(
      @Schema(
              description = "Local date and time in timeZone, or with an offset",
              example = "2027-03-18T10:00")
          String start,
      @Schema(example = "2027-03-18T13:00") String end,
      @Schema(example = "Europe/Madrid") String timeZone) {}

  record CallOff(@Schema(example = "The venue is closed for repairs.") String reason) {}
}
