package org.govflow.meetings.internal;

import java.util.Locale;
import java.util.TimeZone;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The meetings list and a meeting's page: agenda, documents, attendance, quorum, decisions. */
@Controller
class MeetingPages {

  private final MeetingViews views;

  MeetingPages(MeetingViews views) {
    this.views = views;
  }

  @GetMapping("/meetings")
  String list(Authentication who, Locale locale, TimeZone zone, Model model) {
    model.addAttribute("meetings", views.list(who, locale));
    model.addAttribute("zone", zone.toZoneId());
    return "meetings/list";
  }

  @GetMapping("/meetings/{businessKey}")
  String one(
      @PathVariable String businessKey,
      Authentication who,
      Locale locale,
      TimeZone zone,
      Model model) {
    MeetingViews.Details details = views.details(businessKey, who, locale);
    if (details == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("m", details);
    model.addAttribute("zone", zone.toZoneId());
    return "meetings/detail";
  }
}
