package org.govflow.workplan.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.forms.FieldError;
import org.govflow.meetings.Meetings;
import org.govflow.meetings.UpcomingMeeting;
import org.govflow.web.Refusal;
import org.govflow.workflow.EngineClock;
import org.govflow.workplan.WorkPlanLinkTarget;
import org.govflow.workplan.internal.LinkRepository.LinkRow;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links from an action to a recommendation, a meeting, a decision, a declaration or an MoU. A link
 * of a kind some module answers for ({@link WorkPlanLinkTarget}) must name one of its records;
 * declarations and MoUs, until their modules answer, are stored by business key. Suggestions: an
 * action that names a body (in any of its languages) is suggested that body's coming meetings, and
 * every target may suggest its own (an MoU with the partner named); a person confirms them.
 */
@Service
class WorkPlanLinks {

  static final String SUGGESTER = "govflow";
  private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{1,99}");

  private final WorkPlanOwners owners;
  private final WorkPlanRepository plans;
  private final LinkRepository links;
  private final Map<String, WorkPlanLinkTarget> targets;
  private final Directory directory;
  private final Meetings meetings;
  private final MessageSource messages;

  WorkPlanLinks(
      WorkPlanOwners owners,
      WorkPlanRepository plans,
      LinkRepository links,
      List<WorkPlanLinkTarget> targets,
      Directory directory,
      Meetings meetings,
      MessageSource messages) {
    this.owners = owners;
    this.plans = plans;
    this.links = links;
    this.targets =
        targets.stream()
            .collect(Collectors.toMap(WorkPlanLinkTarget::kind, Function.identity(), (a, b) -> a));
    this.directory = directory;
    this.meetings = meetings;
    this.messages = messages;
  }

  List<LinkRow> of(int year, String ref) {
    return links.ofAction(owners.action(year, ref).id());
  }

  @Transactional
  void link(int year, String ref, String kind, String reference, String by) {
    ActionRow action = owners.action(year, ref);
    LinkKind linkKind =
        LinkKind.of(kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> invalid("kind", "workplan.link.unknown-kind", String.valueOf(kind)));
    String target = reference == null ? "" : reference.trim();
    WorkPlanLinkTarget answering = targets.get(linkKind.code());
    boolean known =
        answering != null
            ? !target.isEmpty() && answering.exists(target)
            : BUSINESS_KEY.matcher(target).matches();
    if (!known) {
      throw invalid("reference", "workplan.link.unknown-reference", target, linkKind.code());
    }
    Instant now = EngineClock.now();
    Optional<LinkRow> existing = links.find(action.id(), linkKind.code(), target);
    if (existing.isPresent()) {
      if (!existing.get().confirmed()) {
        links.confirm(existing.get().id(), by, now);
      }
      return;
    }
    links.insert(action.id(), linkKind.code(), target, true, null, by, now);
    plans.history(action.id(), by, "link", null, linkKind.code() + " " + target, now);
  }

  @Transactional
  void unlink(int year, String ref, String kind, String reference, String by) {
    ActionRow action = owners.action(year, ref);
    LinkRow link =
        links
            .find(action.id(), kind, reference)
            .orElseThrow(() -> Refusal.notFound("workplan.link.unknown", kind, reference));
    links.delete(link.id());
    if (link.confirmed()) {
      plans.history(action.id(), by, "unlink", kind + " " + reference, null, EngineClock.now());
    }
  }

  /** A person confirms a suggested link. */
  @Transactional
  void confirm(int year, String ref, long linkId, String by) {
    ActionRow action = owners.action(year, ref);
    LinkRow link =
        links
            .find(linkId)
            .filter(l -> l.actionId() == action.id())
            .orElseThrow(() -> Refusal.notFound("workplan.link.unknown", ref, linkId));
    if (!link.confirmed()) {
      Instant now = EngineClock.now();
      links.confirm(link.id(), by, now);
      plans.history(action.id(), by, "link", null, link.kind() + " " + link.reference(), now);
    }
  }

  /** Suggests links for every action of the plan; how many new suggestions. */
  @Transactional
  int suggest(int year) {
    long planId = owners.plan(year).id();
    List<UpcomingMeeting> coming = meetings.upcoming(200);
    Instant now = EngineClock.now();
    int added = 0;
    for (ActionRow action : plans.actions(planId)) {
      String text = WorkPlanText.plain(action.text());
      String folded = WorkPlanText.fold(text);
      for (Body body : directory.bodies()) {
        Optional<String> named = namedIn(folded, body);
        if (named.isEmpty()) {
          continue;
        }
        for (UpcomingMeeting m : coming) {
          if (m.bodyId().equals(body.id())) {
            added += suggestOnce(action, "meeting", m.businessKey(), named.get(), now);
          }
        }
      }
      for (WorkPlanLinkTarget target : targets.values()) {
        for (String reference : target.suggest(text, action.partner())) {
          added += suggestOnce(action, target.kind(), reference, action.partner(), now);
        }
      }
    }
    return added;
  }

  private int suggestOnce(
      ActionRow action, String kind, String reference, String reason, Instant now) {
    if (links.find(action.id(), kind, reference).isPresent()) {
      return 0;
    }
    links.insert(action.id(), kind, reference, false, reason, SUGGESTER, now);
    return 1;
  }

  private static Optional<String> namedIn(String foldedText, Body body) {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
      String name = body.name().in(locale);
      if (name != null && name.length() >= 6 && foldedText.contains(WorkPlanText.fold(name))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private Refusal invalid(String field, String code, Object... args) {
    String message = messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    return Refusal.invalid(List.of(new FieldError(field, message)), code, args);
  }
}
