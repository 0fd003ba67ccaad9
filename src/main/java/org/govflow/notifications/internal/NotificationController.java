package org.govflow.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.notifications.Delivery;
import org.govflow.notifications.Notification;
import org.govflow.notifications.Notifications;
import org.govflow.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's notifications, and for admins the messages that could not be delivered. */
@RestController
@RequestMapping("/api/v1/notifications")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationController {

  private static final int MAX = 500;

  private final Notifications notifications;

  @Operation(summary = "The caller's latest notifications", operationId = "listNotifications")
  @GetMapping
  List<Notification> mine(Caller caller, @RequestParam(defaultValue = "50") int limit) {
    return notifications.of(caller.personId(), bounded(limit));
  }

  @Operation(
      summary = "Notifications that could not be delivered (operators)",
      operationId = "listFailedNotifications")
  @GetMapping("/failed")
  @PreAuthorize("hasRole('ADMIN')")
  List<Notification> failed(@RequestParam(defaultValue = "100") int limit) {
    return notifications.failed(bounded(limit));
  }

  @Operation(
      summary = "The caller's notification preferences",
      operationId = "getNotificationPreferences")
  @GetMapping("/preferences")
  Preferences preferences(Caller caller) {
    return new Preferences(notifications.delivery(caller.personId()));
  }

  @Operation(
      summary = "Change the caller's notification preferences",
      operationId = "setNotificationPreferences")
  @PutMapping("/preferences")
  Preferences choose(Caller caller, @RequestBody Preferences preferences) {
    if (preferences.delivery() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "delivery: IMMEDIATE or DAILY");
    }
    notifications.deliver(caller.personId(), preferences.delivery());
    return preferences;
  }

  /** IMMEDIATE: every message as it comes; DAILY: one digest a day. */
  record Preferences(@Schema(example = "DAILY") Delivery delivery) {}

  private static int bounded(int limit) {
    return Math.max(1, Math.min(limit, MAX));
  }
}
