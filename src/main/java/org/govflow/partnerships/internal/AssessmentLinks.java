package org.govflow.partnerships.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.AccessRole;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.forms.FieldError;
import org.govflow.meetings.Meeting;
import org.govflow.meetings.Meetings;
import org.govflow.web.Refusal;
import org.govflow.workplan.WorkPlanAction;
import org.govflow.workplan.WorkPlanActions;
import org.springframework.stereotype.Service;

/**
 * What a focal point may cite in an assessment as done under an MoU: the work plan actions, the
 * meetings and the register decisions that concern the partner (their names in any language or
 * their acronym, the MoU's own title), among those the focal point may see: every member reads the
 * work plan; meetings of the focal point's bodies, or all for the secretariat and leadership; the
 * decisions the register shows them.
 */
@Service
@RequiredArgsConstructor
class AssessmentLinks {

  static final String FIELD = "assessmentLinks";
  private static final Pattern ACRONYM = Pattern.compile("\\(([^)]+)\\)");
  private static final int MEETINGS = 500;
  private static final int DECISIONS = 200;

  private final Directory directory;
  private final WorkPlanActions actions;
  private final Meetings meetings;
  private final DecisionRegister register;

  /** The items the focal point may cite for this MoU, actions first, then meetings, decisions. */
  List<AssessmentLink> candidates(Mou mou, String focalPoint) {
    Concerns concerns = concerns(mou);
    Viewer viewer = viewer(focalPoint);
    List<AssessmentLink> found = new ArrayList<>();
    for (WorkPlanAction a : actions.all()) {
      if (concerns.test(a.partner()) || concerns.test(a.text())) {
        found.add(action(a));
      }
    }
    for (Meeting m : meetings.latest(MEETINGS)) {
      if (viewer.maySee(m) && concerns.test(m.title())) {
        found.add(new AssessmentLink(AssessmentLink.MEETING, m.businessKey(), meetingTitle(m)));
      }
    }
    Map<Long, Decision> decisions = new LinkedHashMap<>();
    for (String word : concerns.searchWords()) {
      for (Decision d :
          register.list(
              new DecisionFilter(null, null, null, null, word), viewer.decisions(), DECISIONS)) {
        if (concerns.test(d.content().subject())) {
          decisions.putIfAbsent(d.id(), d);
        }
      }
    }
    decisions.values().stream()
        .sorted((a, b) -> Long.compare(b.id(), a.id()))
        .forEach(
            d ->
                found.add(
                    new AssessmentLink(
                        AssessmentLink.DECISION,
                        Long.toString(d.id()),
                        "No. " + d.id() + " · " + d.content().subject())));
    return found;
  }

  /**
   * The items picked, as the form gives them ({@code kind:reference}, one a line or a list), each
   * one a candidate: anything else (unknown, about another partner, or out of the focal point's
   * sight) is refused naming it, and nothing is stored.
   */
  List<AssessmentLink> resolve(Mou mou, String focalPoint, Object picked) {
    List<String> keys = keys(picked);
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, AssessmentLink> offered =
        candidates(mou, focalPoint).stream()
            .collect(
                Collectors.toMap(AssessmentLink::key, l -> l, (a, b) -> a, LinkedHashMap::new));
    List<AssessmentLink> chosen = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String key : keys) {
      AssessmentLink link = offered.get(key);
      if (link == null) {
        refused.add(key);
      } else {
        chosen.add(link);
      }
    }
    if (!refused.isEmpty()) {
      throw Refusal.invalid(
          List.of(new FieldError(FIELD, "partnerships.assess.notOffered")),
          "partnerships.assess.notOfferedProblem",
          String.join(", ", refused));
    }
    return chosen;
  }

  /** The keys in what a form, a page or a client gave: lines, commas, or a list. */
  static List<String> keys(Object picked) {
    Set<String> keys = new LinkedHashSet<>();
    if (picked instanceof Iterable<?> list) {
      list.forEach(o -> keys.add(String.valueOf(o).strip()));
    } else if (picked != null) {
      String text = picked.toString().strip();
      if (text.startsWith("[") && text.endsWith("]")) {
        text = text.substring(1, text.length() - 1).replace("\"", "");
      }
      for (String part : text.split("[\\n,]")) {
        keys.add(part.strip());
      }
    }
    keys.remove("");
    return List.copyOf(keys);
  }

  private static AssessmentLink action(WorkPlanAction a) {
    String text = a.text().strip();
    if (text.length() > 160) {
      text = text.substring(0, 157).strip() + "…";
    }
    return new AssessmentLink(
        AssessmentLink.ACTION, Long.toString(a.id()), a.year() + " · " + a.ref() + " · " + text);
  }

  private static String meetingTitle(Meeting m) {
    return m.businessKey() + " · " + m.title();
  }

  /** What names the partner: its names in every language, their acronyms, the MoU's title. */
  private Concerns concerns(Mou mou) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> acronyms = new LinkedHashSet<>();
    Body partner = directory.body(mou.partnerId()).orElse(null);
    if (partner != null) {
      for (Locale l : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
        String name = partner.name().in(l);
        if (name == null || name.isBlank()) {
          continue;
        }
        Matcher m = ACRONYM.matcher(name);
        while (m.find()) {
          acronyms.add(m.group(1).strip());
        }
        names.add(name.strip());
        String bare = ACRONYM.matcher(name).replaceAll("").strip();
        if (bare.length() > 3) {
          names.add(bare);
        }
      }
    }
    names.add(mou.title().strip());
    return new Concerns(names, acronyms);
  }

  /**
   * Names match anywhere, case aside; acronyms (short, often common words: WHO) only as a whole
   * word written as the partner writes it.
   */
  private record Concerns(Set<String> names, Set<String> acronyms) {

    boolean test(String text) {
      if (text == null || text.isBlank()) {
        return false;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      for (String name : names) {
        if (lower.contains(name.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      for (String acronym : acronyms) {
        if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(acronym) + "(?![\\p{L}\\p{N}])")
            .matcher(text)
            .find()) {
          return true;
        }
      }
      return false;
    }

    /** What to ask the register's subject search for: the acronyms and the bare names. */
    List<String> searchWords() {
      List<String> words = new ArrayList<>(acronyms);
      words.addAll(names);
      return words;
    }
  }

  /** What the focal point may see of meetings and decisions. */
  private Viewer viewer(String personId) {
    List<Membership> seats = directory.membershipsOf(personId);
    Set<String> bodies = seats.stream().map(Membership::bodyId).collect(Collectors.toSet());
    boolean overseesAll =
        directory
            .person(personId)
            .map(p -> directory.accessRoles(p, seats))
            .map(
                roles ->
                    roles.contains(AccessRole.SECRETARIAT)
                        || roles.contains(AccessRole.LEADERSHIP)
                        || roles.contains(AccessRole.ADMIN))
            .orElse(false);
    return new Viewer(bodies, overseesAll);
  }

  private record Viewer(Set<String> bodies, boolean overseesAll) {

    boolean maySee(Meeting m) {
      return overseesAll || bodies.contains(m.bodyId());
    }

    DecisionViewer decisions() {
      return new DecisionViewer(bodies, overseesAll);
    }
  }
}
