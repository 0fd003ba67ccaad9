package org.govflow.dashboard.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.inbox.InboxFilter;
import org.govflow.inbox.InboxTask;
import org.govflow.inbox.TaskList;
import org.govflow.meetings.Meetings;
import org.govflow.meetings.UpcomingMeeting;
import org.govflow.web.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what needs the person now. Their open tasks due soonest, the next meetings of
 * their bodies, the latest decisions of their bodies, and the bodies they sit in.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HomePage {

  static final int ROWS = 5;

  private final Directory directory;
  private final TaskList tasks;
  private final Meetings meetings;
  private final DecisionRegister register;
  private final org.govflow.inbox.ProcessList processes;

  @GetMapping("/")
  String home(Caller caller, Model model, Locale locale, ZoneId zone) {
    Person person = directory.person(caller.personId()).orElse(null);
    model.addAttribute("person", person);
    model.addAttribute("zone", zone);
    model.addAttribute("now", ZonedDateTime.now(zone));
    List<InboxTask> mine = tasks.rows(caller, InboxFilter.ALL, 0, ROWS, locale);
    model.addAttribute("tasks", mine);
    model.addAttribute("openTasks", tasks.counts(caller, InboxFilter.ALL).counts().all());
    Set<String> bodies = caller.bodies();
    boolean everything = caller.overseesAll();
    model.addAttribute(
        "meetings",
        meetings.upcoming(50).stream()
            .filter(m -> everything || bodies.contains(m.bodyId()))
            .sorted(Comparator.comparing(UpcomingMeeting::start))
            .limit(ROWS)
            .toList());
    List<Decision> decided =
        register.list(DecisionFilter.all(), new DecisionViewer(bodies, everything), 50).stream()
            .filter(d -> bodies.contains(d.content().bodyId()) || everything)
            .sorted(Comparator.comparing((Decision d) -> d.content().decidedAt()).reversed())
            .limit(ROWS)
            .toList();
    model.addAttribute("decisions", decided);
    model.addAttribute(
        "seats",
        directory.membershipsOf(caller.personId()).stream()
            .map(
                s ->
                    new Seat(
                        directory.body(s.bodyId()).map(b -> b.name().in(locale)).orElse(s.bodyId()),
                        s.role().key()))
            .sorted(Comparator.comparing(Seat::body))
            .toList());
    model.addAttribute("bodyNames", new BodyNames(directory, locale));
    return "home";
  }

  /**
   * A search across processes (recommendations, meetings, document approvals: by title or business
   * key) and the register's decisions (by subject), among what the reader may see.
   */
  @GetMapping("/search")
  String search(
      @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
      Caller caller,
      Model model,
      Locale locale,
      ZoneId zone) {
    String text = q == null ? "" : q.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    model.addAttribute("q", text);
    model.addAttribute("zone", zone);
    if (text.length() >= 2) {
      model.addAttribute("processes", processes.search(caller, text, locale));
      model.addAttribute(
          "decisions",
          register.list(
              new DecisionFilter(null, null, null, null, text),
              new DecisionViewer(caller.bodies(), caller.overseesAll()),
              50));
    } else {
      model.addAttribute("processes", List.of());
      model.addAttribute("decisions", List.of());
    }
    model.addAttribute("bodyNames", new BodyNames(directory, locale));
    return "search";
  }

  record Seat(String body, String role) {}

  /** A body's name in the reader's language, for the template. */
  record BodyNames(Directory directory, Locale locale) {
    public String of(String bodyId) {
      return directory.body(bodyId).map(b -> b.name().in(locale)).orElse(bodyId);
    }
  }
}
