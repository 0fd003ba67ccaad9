package org.govflow.workplan.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.workplan.internal.LinkRepository.LinkRow;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the API and the pages show of work plans: plans, sections rolled up, actions, links. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanViews {

  record PlanSummary(int year, String title, int actions, Instant updatedAt) {}

  record LinkView(long id, String kind, String reference, boolean confirmed, String reason) {}

  record ActionView(
      String ref,
      String section,
      String kind,
      String partner,
      String text,
      String textHtml,
      String owner,
      String ownerName,
      String focalPoint,
      String focalPointName,
      String status,
      int progress,
      List<LinkView> links) {}

  record SectionView(
      String number,
      String title,
      int level,
      String description,
      int actionCount,
      int progress,
      Map<String, Long> statusCounts,
      List<ActionView> actions) {}

  record PlanView(
      int year,
      String title,
      int actions,
      int progress,
      Map<String, Long> statusCounts,
      List<SectionView> sections) {}

  /** Filters of the plan page; null for all. */
  record Filter(String owner, String kind, String partner, String status) {
    static final Filter NONE = new Filter(null, null, null, null);

    boolean accepts(ActionView a) {
      return (blank(owner) || owner.equals(a.owner()))
          && (blank(kind) || kind.equals(a.kind()))
          && (blank(partner) || partner.equals(a.partner()))
          && (blank(status) || status.equals(a.status()));
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  private final WorkPlanRepository plans;
  private final LinkRepository links;
  private final WorkPlanOwners owners;
  private final Directory directory;

  List<PlanSummary> plans() {
    return plans.plans().stream()
        .map(p -> new PlanSummary(p.year(), p.title(), plans.actions(p.id()).size(), p.updatedAt()))
        .toList();
  }

  PlanView plan(int year, Filter filter) {
    PlanRow plan = owners.plan(year);
    Map<Long, List<LinkView>> linksByAction =
        links.ofPlan(plan.id()).stream()
            .collect(
                Collectors.groupingBy(
                    LinkRow::actionId,
                    Collectors.mapping(WorkPlanViews::link, Collectors.toList())));
    List<ActionView> actions =
        plans.actions(plan.id()).stream()
            .map(a -> action(a, linksByAction.getOrDefault(a.id(), List.of())))
            .filter(filter::accepts)
            .toList();
    List<SectionView> sections = new ArrayList<>();
    for (var s : plans.sections(plan.id())) {
      List<ActionView> within =
          actions.stream()
              .filter(
                  a -> a.section().equals(s.number()) || a.section().startsWith(s.number() + "."))
              .toList();
      sections.add(
          new SectionView(
              s.number(),
              s.title(),
              s.level(),
              s.description(),
              within.size(),
              average(within),
              counts(within),
              within.stream().filter(a -> a.section().equals(s.number())).toList()));
    }
    return new PlanView(
        plan.year(), plan.title(), actions.size(), average(actions), counts(actions), sections);
  }

  ActionView action(int year, String ref) {
    ActionRow a = owners.action(year, ref);
    return action(a, links.ofAction(a.id()).stream().map(WorkPlanViews::link).toList());
  }

  private ActionView action(ActionRow a, List<LinkView> actionLinks) {
    Locale locale = LocaleContextHolder.getLocale();
    return new ActionView(
        a.ref(),
        a.section(),
        a.kind().code(),
        a.partner(),
        a.text(),
        WorkPlanText.html(a.text()),
        a.ownerBody(),
        a.ownerBody() == null
            ? null
            : directory.body(a.ownerBody()).map(b -> b.name().in(locale)).orElse(a.ownerBody()),
        a.focalPoint(),
        a.focalPoint() == null
            ? null
            : directory.person(a.focalPoint()).map(Person::name).orElse(a.focalPoint()),
        a.status().code(),
        a.progress(),
        actionLinks);
  }

  private static LinkView link(LinkRow l) {
    return new LinkView(l.id(), l.kind(), l.reference(), l.confirmed(), l.reason());
  }

  private static int average(List<ActionView> actions) {
    return actions.isEmpty()
        ? 0
        : actions.stream().mapToInt(ActionView::progress).sum() / actions.size();
  }

  private static Map<String, Long> counts(List<ActionView> actions) {
    Map<ActionStatus, Long> byStatus = new EnumMap<>(ActionStatus.class);
    for (ActionView a : actions) {
      byStatus.merge(ActionStatus.of(a.status()).orElseThrow(), 1L, Long::sum);
    }
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    byStatus.forEach((k, v) -> counts.put(k.code(), v));
    return counts;
  }
}
