package org.govflow.declaration.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.internal.Amendment.Kind;
import org.govflow.declaration.internal.DeclarationRepository.Filed;
import org.govflow.declaration.internal.DeclarationRepository.Row;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.govflow.declaration.internal.Disposition.Outcome;
import org.govflow.web.Refusal;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text of a declaration and what people do to it: the launch with its zero draft, amendments
 * filed, edited and withdrawn by their group in its open round, the drafting committee's
 * dispositions and resolutions of conflicts, the next version built, translations. Every refusal
 * changes nothing.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationTexts {

  /** The bodies whose members sit on the drafting committee. */
  static final Set<String> COMMITTEE = Set.of("secretariat", "presidency");

  /** Answers of a group in a round. */
  static final String FILED = "amendments";

  static final String SILENT = "silent";

  private final DeclarationRepository repository;

  /** Records a launched declaration and its zero draft as version 1 in the authentic language. */
  @Transactional
  TextVersion launch(
      String processInstanceId,
      String businessKey,
      String title,
      String language,
      int rounds,
      List<String> groups,
      String draft,
      String by) {
    TextVersion zero = TextVersion.of(language, ZeroDraft.parse(draft));
    Instant now = EngineClock.now();
    repository.insert(
        new Row(
            processInstanceId,
            businessKey,
            title,
            language,
            rounds,
            List.copyOf(groups),
            0,
            false,
            null,
            Stage.DRAFTING,
            by,
            now));
    repository.version(processInstanceId, 1, zero, by, now);
    return zero;
  }

  Row declaration(String processInstanceId) {
    return repository
        .byProcess(processInstanceId)
        .orElseThrow(() -> Refusal.notFound("declaration.notFound", processInstanceId));
  }

  /** The latest version in the authentic language. */
  StoredVersion current(String processInstanceId) {
    Row row = declaration(processInstanceId);
    return repository.versions(processInstanceId).stream()
        .filter(v -> v.text().language().equals(row.authenticLanguage()))
        .max(Comparator.comparingInt(StoredVersion::number))
        .orElseThrow(() -> new IllegalStateException("No version of " + row.businessKey()));
  }

  @Transactional
  void openRound(String processInstanceId, int round, Instant ends) {
    repository.round(processInstanceId, round, true, ends);
  }

  /** Closes the round: groups that filed nothing by now are recorded as silent. */
  @Transactional
  List<String> closeRound(String processInstanceId) {
    Row row = declaration(processInstanceId);
    repository.closeRound(processInstanceId);
    Set<String> answered =
        repository.answers(processInstanceId).stream()
            .filter(a -> a.round() == row.currentRound())
            .map(DeclarationRepository.RoundAnswer::groupId)
            .collect(Collectors.toSet());
    List<String> silent = row.groups().stream().filter(g -> !answered.contains(g)).toList();
    Instant now = EngineClock.now();
    silent.forEach(
        g -> repository.answer(processInstanceId, row.currentRound(), g, SILENT, null, now));
    return silent;
  }

  /** A group's answer in its round task: it filed amendments, or has none. */
  @Transactional
  void answered(String processInstanceId, String group, String by) {
    Row row = declaration(processInstanceId);
    boolean filed =
        repository.amendments(processInstanceId).stream()
            .anyMatch(
                f ->
                    f.round() == row.currentRound()
                        && !f.withdrawn()
                        && f.amendment().group().equals(group));
    repository.answer(
        processInstanceId,
        row.currentRound(),
        group,
        filed ? FILED : "none",
        by,
        EngineClock.now());
  }

  @Transactional
  long file(
      String processInstanceId,
      Participant who,
      String group,
      String kind,
      String paragraphId,
      String text,
      String justification) {
    Row row = openRoundFor(processInstanceId, who, group);
    Kind parsed = Kind.parse(kind);
    StoredVersion current = current(processInstanceId);
    Amendment.check(parsed, paragraphId, text, current.text());
    return repository.amendment(
        processInstanceId,
        row.currentRound(),
        current.number(),
        group,
        parsed,
        parsed == Kind.COMMENT ? null : paragraphId,
        TextVersion.normalise(text == null ? "" : text),
        justification == null ? "" : justification.strip(),
        who.personId(),
        EngineClock.now());
  }

  @Transactional
  void edit(
      String processInstanceId,
      Participant who,
      long id,
      String kind,
      String paragraphId,
      String text,
      String justification) {
    Filed filed = ownOpen(processInstanceId, who, id);
    Kind parsed = Kind.parse(kind);
    Amendment.check(parsed, paragraphId, text, current(processInstanceId).text());
    repository.editAmendment(
        filed.amendment().id(),
        parsed,
        parsed == Kind.COMMENT ? null : paragraphId,
        TextVersion.normalise(text == null ? "" : text),
        justification == null ? "" : justification.strip());
  }

  @Transactional
  void withdraw(String processInstanceId, Participant who, long id) {
    ownOpen(processInstanceId, who, id);
    repository.withdraw(id, EngineClock.now());
  }

  /** The committee's disposition of an amendment of the current round, given once. */
  @Transactional
  Disposition dispose(
      String processInstanceId,
      Participant who,
      long id,
      String outcome,
      String committeeText,
      String reason) {
    committee(who);
    Row row = declaration(processInstanceId);
    Filed filed = amendment(processInstanceId, id);
    if (filed.withdrawn()) {
      throw Refusal.conflict("declaration.disposition.withdrawn", id);
    }
    if (filed.round() != row.currentRound() || row.roundOpen() || row.stage() != Stage.DRAFTING) {
      throw Refusal.conflict("declaration.disposition.notNow", id);
    }
    if (filed.disposition() != null) {
      throw Refusal.conflict("declaration.disposition.already", id);
    }
    Disposition disposition =
        Disposition.checked(filed.amendment(), Outcome.parse(outcome), committeeText, reason);
    if (!repository.dispose(id, disposition, who.personId(), EngineClock.now())) {
      throw Refusal.conflict("declaration.disposition.already", id);
    }
    return disposition;
  }

  /** The committee's text for a paragraph two accepted amendments change (empty: deleted). */
  @Transactional
  void resolve(
      String processInstanceId, Participant who, String paragraphId, String text, String reason) {
    committee(who);
    Row row = declaration(processInstanceId);
    Round round = round(processInstanceId);
    if (!round.conflicts().containsKey(paragraphId)) {
      throw Refusal.invalid(List.of(), "declaration.resolution.noConflict", paragraphId);
    }
    ConflictResolution resolution = new ConflictResolution(paragraphId, text, reason);
    if (resolution.reason().isEmpty()) {
      throw Refusal.invalid(List.of(), "declaration.disposition.reasonRequired");
    }
    repository.resolve(
        processInstanceId, row.currentRound(), resolution, who.personId(), EngineClock.now());
  }

  /** The current round's amendments (withdrawn ones left out) and what stops the next version. */
  Round round(String processInstanceId) {
    Row row = declaration(processInstanceId);
    List<Filed> filed =
        repository.amendments(processInstanceId).stream()
            .filter(f -> f.round() == row.currentRound() && !f.withdrawn())
            .toList();
    List<Amendment> amendments = filed.stream().map(Filed::amendment).toList();
    Map<Long, Disposition> dispositions = new LinkedHashMap<>();
    filed.stream()
        .filter(f -> f.disposition() != null)
        .forEach(f -> dispositions.put(f.amendment().id(), f.disposition()));
    Map<String, ConflictResolution> resolutions =
        repository.resolutions(processInstanceId, row.currentRound());
    return new Round(
        row.currentRound(),
        amendments,
        dispositions,
        resolutions,
        VersionBuilder.undisposed(amendments, dispositions),
        VersionBuilder.conflicts(amendments, dispositions),
        VersionBuilder.unresolved(amendments, dispositions, resolutions));
  }

  /** The current round's amendments with their dispositions, and what is still open. */
  record Round(
      int number,
      List<Amendment> amendments,
      Map<Long, Disposition> dispositions,
      Map<String, ConflictResolution> resolutions,
      List<Long> undisposed,
      Map<String, List<Long>> conflicts,
      List<String> unresolved) {

    boolean complete() {
      return undisposed.isEmpty() && unresolved.isEmpty();
    }
  }

  /** Refuses to close the committee's task while an amendment is open or a conflict unresolved. */
  void checkDisposed(String processInstanceId) {
    Round round = round(processInstanceId);
    if (!round.undisposed().isEmpty()) {
      throw Refusal.conflict("declaration.build.undisposed", round.undisposed().size());
    }
    if (!round.unresolved().isEmpty()) {
      throw Refusal.conflict("declaration.build.conflicts", String.join(", ", round.unresolved()));
    }
  }

  /**
   * Builds and stores the next version from the current one and the round's dispositions; when
   * nothing was accepted the text is the same and no version is added.
   */
  @Transactional
  StoredVersion buildNext(String processInstanceId, String by) {
    StoredVersion current = current(processInstanceId);
    Round round = round(processInstanceId);
    TextVersion next =
        VersionBuilder.build(
            current.text(), round.amendments(), round.dispositions(), round.resolutions());
    if (next.sha256().equals(current.text().sha256())) {
      return current;
    }
    Instant now = EngineClock.now();
    repository.version(processInstanceId, current.number() + 1, next, by, now);
    return new StoredVersion(current.number() + 1, by, now, next);
  }

  /** Stores a translation of the current version, paragraph for paragraph. */
  @Transactional
  TextVersion translate(String processInstanceId, String language, String text, String by) {
    StoredVersion current = current(processInstanceId);
    TextVersion translated = Translation.of(current.text(), language, text);
    boolean exists =
        repository.versions(processInstanceId).stream()
            .anyMatch(v -> v.number() == current.number() && v.text().language().equals(language));
    if (exists) {
      throw Refusal.conflict("declaration.translation.already", language);
    }
    repository.version(processInstanceId, current.number(), translated, by, EngineClock.now());
    return translated;
  }

  @Transactional
  void stage(String processInstanceId, Stage stage) {
    repository.stage(processInstanceId, stage);
  }

  private Row openRoundFor(String processInstanceId, Participant who, String group) {
    Row row = declaration(processInstanceId);
    if (!row.groups().contains(group)) {
      throw Refusal.invalid(List.of(), "declaration.amendment.notContributor", group);
    }
    if (!who.bodies().contains(group)) {
      throw Refusal.forbidden("declaration.amendment.otherGroup", group);
    }
    if (row.stage() != Stage.DRAFTING || !row.roundOpen()) {
      throw Refusal.conflict("declaration.amendment.roundClosed");
    }
    return row;
  }

  private Filed ownOpen(String processInstanceId, Participant who, long id) {
    Filed filed = amendment(processInstanceId, id);
    Row row = openRoundFor(processInstanceId, who, filed.amendment().group());
    if (filed.round() != row.currentRound() || filed.withdrawn()) {
      throw Refusal.conflict("declaration.amendment.roundClosed");
    }
    return filed;
  }

  private Filed amendment(String processInstanceId, long id) {
    return repository.amendments(processInstanceId).stream()
        .filter(f -> f.amendment().id() == id)
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("declaration.amendment.notFound", id));
  }

  private static void committee(Participant who) {
    if (who.bodies().stream().noneMatch(COMMITTEE::contains)) {
      throw Refusal.forbidden("declaration.disposition.notCommittee");
    }
  }
}
