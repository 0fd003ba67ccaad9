package org.govflow.notifications.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.notifications.Delivery;
import org.govflow.notifications.Notification;
import org.govflow.notifications.Notifications;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications page: the reader's messages, how they want them, their calendar address; for
 * admins, the messages given up on.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationPageController {

  private final Notifications notifications;
  private final CalendarFeed calendar;
  private final Directory directory;

  static final int PAGE_SIZE = 20;

  @GetMapping("/notifications")
  String page(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
    String personId = caller.personId();
    ZoneId zone = directory.person(personId).map(Person::timeZone).orElse(ZoneOffset.UTC);
    model.addAttribute("zone", zone);
    int current = Math.max(0, Math.min(page, 10_000));
    List<Notification> rows = notifications.of(personId, current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute("notifications", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
    model.addAttribute("page", current);
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    model.addAttribute("unread", notifications.unread(personId));
    model.addAttribute("delivery", notifications.delivery(personId));
    model.addAttribute("calendarUrl", calendar.url(calendar.token(personId)));
    if (caller.roles().contains(AccessRole.ADMIN)) {
      model.addAttribute("failed", notifications.failed(100));
    }
    return "notifications";
  }

  /** Opens a notification's link, marking it read. */
  @GetMapping("/notifications/{id}/open")
  String open(Caller caller, @PathVariable String id) {
    String link = notifications.read(caller.personId(), id);
    return "redirect:" + (link == null || link.isBlank() ? "/notifications" : link);
  }

  @PostMapping("/notifications/{id}/read")
  String read(Caller caller, @PathVariable String id) {
    notifications.read(caller.personId(), id);
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read")
  String readAll(Caller caller) {
    notifications.readAll(caller.personId());
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/delivery")
  String deliver(Caller caller, @RequestParam Delivery delivery) {
    notifications.deliver(caller.personId(), delivery);
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/calendar")
  String renewCalendar(Caller caller) {
    calendar.renew(caller.personId());
    return "redirect:/notifications";
  }
}
