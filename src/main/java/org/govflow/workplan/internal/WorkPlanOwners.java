package org.govflow.workplan.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workflow.EngineClock;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.govflow.workplan.internal.WorkPlanRepository.PlanRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat gives each action an owner body and a focal point in that body: one action at a
 * time, or every action of a section (and its sub-sections) at once.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanOwners {

  private final WorkPlanRepository plans;
  private final Directory directory;
  private final MessageSource messages;

  PlanRow plan(int year) {
    return plans
        .plan(year)
        .orElseThrow(() -> Refusal.notFound("workplan.unknown-plan", String.valueOf(year)));
  }

  ActionRow action(int year, String ref) {
    PlanRow plan = plan(year);
    return plans
        .action(plan.id(), ref)
        .orElseThrow(() -> Refusal.notFound("workplan.unknown-action", ref, String.valueOf(year)));
  }

  @Transactional
  void assign(int year, String ref, String body, String focalPoint, String by) {
    check(body, focalPoint);
    set(action(year, ref), body, focalPoint, by, EngineClock.now());
  }

  /** Every action of the section and of its sub-sections; how many. */
  @Transactional
  int assignSection(int year, String section, String body, String focalPoint, String by) {
    check(body, focalPoint);
    PlanRow plan = plan(year);
    if (plans.sections(plan.id()).stream().noneMatch(s -> s.number().equals(section))) {
      throw Refusal.notFound("workplan.unknown-section", section, String.valueOf(year));
    }
    Instant now = EngineClock.now();
    List<ActionRow> actions =
        plans.actions(plan.id()).stream()
            .filter(a -> a.section().equals(section) || a.section().startsWith(section + "."))
            .toList();
    actions.forEach(a -> set(a, body, focalPoint, by, now));
    return actions.size();
  }

  private void set(ActionRow a, String body, String focalPoint, String by, Instant now) {
    if (Objects.equals(a.ownerBody(), body) && Objects.equals(a.focalPoint(), focalPoint)) {
      return;
    }
    plans.setOwner(a.id(), body, focalPoint, now);
    if (!Objects.equals(a.ownerBody(), body)) {
      plans.history(a.id(), by, "owner", a.ownerBody(), body, now);
    }
    if (!Objects.equals(a.focalPoint(), focalPoint)) {
      plans.history(a.id(), by, "focal-point", a.focalPoint(), focalPoint, now);
    }
  }

  private void check(String body, String focalPoint) {
    if (body == null || directory.body(body).isEmpty()) {
      throw invalid("owner", "workplan.owner.unknown-body", String.valueOf(body));
    }
    if (focalPoint != null
        && directory.membersOf(body).stream().noneMatch(m -> m.personId().equals(focalPoint))) {
      // people and bodies by name in the reader's language, never a login or a body id
      Locale locale = LocaleContextHolder.getLocale();
      throw invalid(
          "focalPoint",
          "workplan.owner.not-member",
          directory.person(focalPoint).map(Person::name).orElse(focalPoint),
          directory.body(body).map(b -> b.name().in(locale)).orElse(body));
    }
  }

  private Refusal invalid(String field, String code, Object... args) {
    String message = messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    return Refusal.invalid(List.of(new FieldError(field, message)), code, args);
  }
}
