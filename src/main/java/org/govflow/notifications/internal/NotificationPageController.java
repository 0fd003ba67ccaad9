package org.govflow.notifications.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.notifications.Delivery;
import org.govflow.notifications.Notifications;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

  @GetMapping("/notifications")
  String page(Caller caller, Model model) {
    String personId = caller.personId();
    ZoneId zone = directory.person(personId).map(Person::timeZone).orElse(ZoneOffset.UTC);
    model.addAttribute("zone", zone);
    model.addAttribute("notifications", notifications.of(personId, 100));
    model.addAttribute("delivery", notifications.delivery(personId));
    model.addAttribute("calendarUrl", calendar.url(calendar.token(personId)));
    if (caller.roles().contains(AccessRole.ADMIN)) {
      model.addAttribute("failed", notifications.failed(100));
    }
    return "notifications";
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
