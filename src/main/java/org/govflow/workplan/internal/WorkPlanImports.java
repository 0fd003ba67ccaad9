package org.govflow.workplan.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workflow.EngineClock;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a work plan file for a year, in one transaction: a file that is not a work plan changes
 * nothing. A re-import keeps each action that remains (and so its reports, links and history):
 * first an action of the same section and kind with the same text (its position may have moved),
 * then one with the same reference (its text was corrected). New actions are added; actions no
 * longer in the file are marked removed, their reports kept.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkPlanImports {

  /** What an import did (its own schema name: the inbox's counts are another record). */
  @Schema(name = "WorkPlanImportCounts")
  record Counts(
      int year,
      long chapters,
      long sections,
      int actions,
      int added,
      int changed,
      int unchanged,
      int removed) {}

  private final WorkPlanRepository plans;
  private final Directory directory;
  private final MessageSource messages;

  @Transactional
  Counts importPlan(int year, String filename, byte[] content, String by) {
    if (year < 2000 || year > 2100) {
      throw refusal("year", "workplan.import.year", String.valueOf(year));
    }
    ParsedWorkPlan parsed;
    try {
      parsed = WorkPlanReader.read(filename, content);
    } catch (WorkPlanFormatException e) {
      throw refusal("file", e.code(), e.arguments());
    }
    for (PlanAction a : parsed.actions()) {
      if (a.ownerBody() != null && directory.body(a.ownerBody()).isEmpty()) {
        throw refusal(
            "file", "workplan.import.unknown-body", String.valueOf(a.line()), a.ownerBody());
      }
    }
    Instant now = EngineClock.now();
    String sha = sha256(content);
    long planId =
        plans
            .plan(year)
            .map(
                p -> {
                  plans.updatePlan(p.id(), parsed.title(), filename, sha, by, now);
                  return p.id();
                })
            .orElseGet(() -> plans.insertPlan(year, parsed.title(), filename, sha, by, now));
    plans.replaceSections(planId, parsed.sections());
    return merge(year, planId, parsed, by, now);
  }

  private Counts merge(int year, long planId, ParsedWorkPlan parsed, String by, Instant now) {
    List<ActionRow> existing = new ArrayList<>(plans.actions(planId));
    Map<PlanAction, ActionRow> matched = new HashMap<>();
    Set<Long> taken = new HashSet<>();
    for (PlanAction p : parsed.actions()) {
      existing.stream()
          .filter(e -> !taken.contains(e.id()) && sameText(e, p))
          .findFirst()
          .ifPresent(e -> take(matched, taken, p, e));
    }
    for (PlanAction p : parsed.actions()) {
      if (!matched.containsKey(p)) {
        existing.stream()
            .filter(e -> !taken.contains(e.id()) && e.ref().equals(p.ref()))
            .findFirst()
            .ifPresent(e -> take(matched, taken, p, e));
      }
    }
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    for (int i = 0; i < parsed.actions().size(); i++) {
      PlanAction p = parsed.actions().get(i);
      ActionRow e = matched.get(p);
      if (e == null) {
        long id = plans.insertAction(planId, p, i, now);
        plans.history(id, by, "imported", null, p.ref(), now);
        if (p.ownerBody() != null) {
          plans.history(id, by, "owner", null, p.ownerBody(), now);
        }
        added++;
        continue;
      }
      boolean textChanged = !e.text().equals(p.text());
      boolean refChanged = !e.ref().equals(p.ref());
      boolean moved =
          e.position() != i
              || !Objects.equals(e.partner(), p.partner())
              || !e.section().equals(p.section());
      if (textChanged || refChanged || moved) {
        plans.updateImported(e.id(), p, i, now);
      }
      if (textChanged) {
        plans.history(e.id(), by, "text", e.text(), p.text(), now);
      }
      if (refChanged) {
        plans.history(e.id(), by, "ref", e.ref(), p.ref(), now);
      }
      if (p.ownerBody() != null && !p.ownerBody().equals(e.ownerBody())) {
        plans.setOwner(e.id(), p.ownerBody(), null, now);
        plans.history(e.id(), by, "owner", e.ownerBody(), p.ownerBody(), now);
      }
      if (textChanged || refChanged) {
        changed++;
      } else {
        unchanged++;
      }
    }
    int removed = 0;
    for (ActionRow e : existing) {
      if (!taken.contains(e.id())) {
        plans.markRemoved(e.id(), now);
        plans.history(e.id(), by, "removed", e.ref(), null, now);
        removed++;
      }
    }
    return new Counts(
        year,
        parsed.chapterCount(),
        parsed.sectionCount(),
        parsed.actions().size(),
        added,
        changed,
        unchanged,
        removed);
  }

  private static void take(
      Map<PlanAction, ActionRow> matched, Set<Long> taken, PlanAction p, ActionRow e) {
    matched.put(p, e);
    taken.add(e.id());
  }

  private static boolean sameText(ActionRow e, PlanAction p) {
    return e.section().equals(p.section())
        && e.kind() == p.kind()
        && WorkPlanText.fold(e.text()).equals(WorkPlanText.fold(p.text()));
  }

  private Refusal refusal(String field, String code, Object... args) {
    String message = messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    return Refusal.invalid(List.of(new FieldError(field, message)), code, args);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
