package org.govflow.meetings.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.forms.FormView;
import org.govflow.inbox.TaskWork;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meetings list and a meeting's page: agenda, documents, attendance, quorum, decisions; for the
 * secretariat and leadership, the forms that move the meeting or call it off.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeetingPages {

  private static final String RECORD_ATTENDANCE = "RecordAttendance";

  private final MeetingViews views;
  private final MeetingChanges changes;
  private final MeetingProcess process;
  private final TaskWork inbox;
  private final MessageSource messages;

  @GetMapping("/meetings")
  String list(Caller who, Locale locale, TimeZone zone, Model model) {
    model.addAttribute("meetings", views.list(who, locale));
    model.addAttribute("zone", zone.toZoneId());
    return "meetings/list";
  }

  @GetMapping("/meetings/{businessKey}")
  String one(
      @PathVariable String businessKey, Caller who, Locale locale, TimeZone zone, Model model) {
    return page(businessKey, who, locale, zone, model);
  }

  @PostMapping("/meetings/{businessKey}/reschedule")
  String reschedule(
      @PathVariable String businessKey,
      @RequestParam(required = false) String start,
      @RequestParam(required = false) String end,
      @RequestParam(required = false) String timeZone,
      Caller who,
      Locale locale,
      TimeZone zone,
      Model model,
      HttpServletResponse response) {
    try {
      changes.reschedule(who, businessKey, start, end, timeZone, locale);
      return "redirect:/meetings/" + businessKey + "?rescheduled";
    } catch (Refusal refusal) {
      model.addAttribute(
          "rescheduleForm",
          Map.of("start", text(start), "end", text(end), "timeZone", text(timeZone)));
      return refused(refusal, "reschedule", businessKey, who, locale, zone, model, response);
    }
  }

  @PostMapping("/meetings/{businessKey}/cancel")
  String cancel(
      @PathVariable String businessKey,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String confirm,
      Caller who,
      Locale locale,
      TimeZone zone,
      Model model,
      HttpServletResponse response) {
    try {
      // in the browser a box says the secretariat means it; the API call says so by itself
      changes.cancel(who, businessKey, reason, "true".equals(confirm), locale);
      return "redirect:/meetings/" + businessKey + "?cancelled";
    } catch (Refusal refusal) {
      model.addAttribute("cancelForm", Map.of("reason", text(reason)));
      return refused(refusal, "cancel", businessKey, who, locale, zone, model, response);
    }
  }

  /**
   * The attendance checklist completes the meeting's RecordAttendance task through the inbox, with
   * the form's validation and the meeting rules, as if the logins had been typed one per line.
   */
  @PostMapping("/meetings/{businessKey}/attendance")
  String attendance(
      @PathVariable String businessKey,
      @RequestParam(name = "present", required = false) List<String> present,
      Caller who,
      Locale locale,
      TimeZone zone,
      Model model,
      HttpServletResponse response) {
    MeetingViews.Details details = views.details(businessKey, who, locale);
    if (details == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<String> ticked = present == null ? List.of() : present;
    String taskId = process.openTask(details.processInstanceId(), RECORD_ATTENDANCE).orElse(null);
    try {
      if (taskId == null) {
        throw new Refusal(Refusal.Reason.CONFLICT, "meetings.attendance.notNow");
      }
      inbox.complete(
          who, taskId, Map.of(MeetingVariables.PRESENT_MEMBERS, ticked), locale, zone.toZoneId());
      return "redirect:/meetings/" + businessKey + "?attendance";
    } catch (Refusal refusal) {
      // the inbox's own mapping, so the page answers as the inbox pages and the API do
      response.setStatus(refusal.reason().status());
      List<String> problems = new java.util.ArrayList<>();
      problems.add(text(refusal, locale));
      refusal.errors().forEach(e -> problems.add(e.message()));
      model.addAttribute("attendanceProblems", problems);
      model.addAttribute("attendanceTicked", ticked);
      return page(businessKey, who, locale, zone, model);
    }
  }

  private String refused(
      Refusal refusal,
      String form,
      String businessKey,
      Caller who,
      Locale locale,
      TimeZone zone,
      Model model,
      HttpServletResponse response) {
    if (refusal.reason() == Refusal.Reason.NOT_FOUND) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    response.setStatus(refusal.reason().status());
    model.addAttribute("changeForm", form);
    model.addAttribute("changeProblem", text(refusal, locale));
    model.addAttribute(
        "changeErrors",
        refusal.errors().stream()
            .collect(
                Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " " + b)));
    return page(businessKey, who, locale, zone, model);
  }

  private String page(String businessKey, Caller who, Locale locale, TimeZone zone, Model model) {
    MeetingViews.Details details = views.details(businessKey, who, locale);
    if (details == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("m", details);
    model.addAttribute("zone", zone.toZoneId());
    boolean organiser = who.overseesAll();
    model.addAttribute("organiser", organiser);
    if (organiser && process.openTask(details.processInstanceId(), RECORD_ATTENDANCE).isPresent()) {
      model.addAttribute("roster", views.roster(businessKey));
    }
    Object typed = model.getAttribute("rescheduleForm");
    model.addAttribute(
        "timeZones",
        changes.timeZones(
            typed instanceof Map<?, ?> form
                ? (String) form.get("timeZone")
                : details.meeting().timeZone(),
            locale));
    // the zone named as the start form names it, in the reader's language; a zone no longer
    // offered there keeps its id rather than disappearing
    String held = details.meeting().timeZone();
    model.addAttribute(
        "timeZoneLabel",
        changes.timeZones(held, locale).stream()
            .filter(z -> z.value().equals(held))
            .map(FormView.Choice::label)
            .findFirst()
            .orElse(held));
    return "meetings/detail";
  }

  /** What the refusal says as a whole, in the reader's language. */
  private String text(Refusal refusal, Locale locale) {
    return messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), locale);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
