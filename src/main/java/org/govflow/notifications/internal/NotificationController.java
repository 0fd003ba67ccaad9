package org.govflow.notifications.internal;

import java.util.List;
import org.govflow.notifications.Notification;
import org.govflow.notifications.Notifications;
import org.govflow.web.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications, and for admins the messages that could not be delivered. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private static final int MAX = 500;

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  List<Notification> mine(
      Authentication authentication, @RequestParam(defaultValue = "50") int limit) {
    return notifications.of(CurrentUser.of(authentication).personId(), bounded(limit));
  }

  @GetMapping("/failed")
  @PreAuthorize("hasRole('ADMIN')")
  List<Notification> failed(@RequestParam(defaultValue = "100") int limit) {
    return notifications.failed(bounded(limit));
  }

  private static int bounded(int limit) {
    return Math.max(1, Math.min(limit, MAX));
  }
}
