package org.govflow.declaration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.declaration.internal.DeclarationDetails.FiledAmendment;
import org.govflow.declaration.internal.DeclarationDetails.Summary;
import org.govflow.declaration.internal.DeclarationDetails.Version;
import org.govflow.declaration.internal.DeclarationRepository.Filed;
import org.govflow.declaration.internal.DeclarationRepository.Row;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.springframework.stereotype.Service;

/**
 * What a person may read of declarations: the secretariat and leadership all of them; the drafting
 * committee, the host city, the General Assembly and each contributor group those they take part
 * in, as anyone who took a step in one.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationViews {

  private final DeclarationRepository repository;
  private final DeclarationTexts texts;
  private final DeclarationSettings settings;
  private final Processes processes;

  List<Summary> list(Participant who) {
    return repository.all().stream()
        .filter(row -> may(who, row))
        .map(
            r ->
                new Summary(
                    r.businessKey(),
                    r.title(),
                    r.stage().code(),
                    r.currentRound(),
                    r.rounds(),
                    r.launchedAt()))
        .toList();
  }

  /** The declaration for someone who may read it; not found for anyone else. */
  Row row(Participant who, String businessKey) {
    Row row =
        repository
            .byBusinessKey(businessKey)
            .filter(r -> may(who, r))
            .orElseThrow(() -> Refusal.notFound("declaration.notFound", businessKey));
    return row;
  }

  DeclarationDetails details(Participant who, String businessKey) {
    Row row = row(who, businessKey);
    String pid = row.processInstanceId();
    List<StoredVersion> stored = repository.versions(pid);
    StoredVersion current = texts.current(pid);
    Map<String, String> numbers = new HashMap<>();
    stored.stream()
        .filter(v -> v.text().language().equals(row.authenticLanguage()))
        .sorted(Comparator.comparingInt(StoredVersion::number))
        .forEach(v -> v.text().paragraphs().forEach(p -> numbers.put(p.id(), p.number())));
    current.text().paragraphs().forEach(p -> numbers.put(p.id(), p.number()));
    List<FiledAmendment> amendments = new ArrayList<>();
    for (Filed f : repository.amendments(pid)) {
      Amendment a = f.amendment();
      Disposition d = f.disposition();
      amendments.add(
          new FiledAmendment(
              a.id(),
              f.round(),
              f.versionNumber(),
              a.group(),
              a.kind().wire(),
              a.paragraphId(),
              a.paragraphId() == null ? null : numbers.get(a.paragraphId()),
              a.text(),
              a.justification(),
              f.filedBy(),
              f.filedAt(),
              f.withdrawn(),
              d == null ? null : d.outcome().wire(),
              d == null || d.committeeText().isEmpty() ? null : d.committeeText(),
              d == null ? null : d.reason(),
              f.disposedBy(),
              f.disposedAt()));
    }
    Set<String> answered = new HashSet<>();
    List<String> silent = new ArrayList<>();
    repository.answers(pid).stream()
        .filter(a -> a.round() == row.currentRound())
        .forEach(
            a -> {
              answered.add(a.groupId());
              if (DeclarationTexts.SILENT.equals(a.answer())) {
                silent.add(a.groupId());
              }
            });
    List<String> notAnswered =
        row.roundOpen()
            ? row.groups().stream().filter(g -> !answered.contains(g)).toList()
            : List.of();
    List<String> conflicts =
        row.stage() == Stage.DRAFTING && !row.roundOpen() && row.currentRound() > 0
            ? texts.round(pid).unresolved()
            : List.of();
    return new DeclarationDetails(
        row.businessKey(),
        row.title(),
        row.authenticLanguage(),
        row.stage().code(),
        row.currentRound(),
        row.rounds(),
        row.roundOpen(),
        row.roundEnds(),
        row.groups(),
        notAnswered,
        silent,
        current.number(),
        current.text().sha256(),
        current.text().paragraphs(),
        stored.stream()
            .map(
                v ->
                    new Version(
                        v.number(),
                        v.text().language(),
                        v.text().sha256(),
                        v.createdBy(),
                        v.createdAt(),
                        v.text().paragraphs()))
            .toList(),
        amendments,
        conflicts,
        repository.publications(pid).stream()
            .map(
                p ->
                    new DeclarationDetails.Published(
                        p.language(),
                        p.language().equals(row.authenticLanguage()),
                        p.fileName(),
                        p.documentId(),
                        p.documentVersion(),
                        p.documentSha256(),
                        p.textSha256(),
                        p.authenticSha256(),
                        p.decisionId(),
                        p.publishedAt()))
            .toList());
  }

  /** The word diff between two versions of the authentic text. */
  List<WordDiff.ParagraphChange> diff(Participant who, String businessKey, int from, int to) {
    Row row = row(who, businessKey);
    List<StoredVersion> versions =
        repository.versions(row.processInstanceId()).stream()
            .filter(v -> v.text().language().equals(row.authenticLanguage()))
            .toList();
    return WordDiff.between(version(versions, from), version(versions, to));
  }

  private static TextVersion version(List<StoredVersion> versions, int number) {
    return versions.stream()
        .filter(v -> v.number() == number)
        .findFirst()
        .map(StoredVersion::text)
        .orElseThrow(() -> Refusal.notFound("declaration.versionNotFound", number));
  }

  private boolean may(Participant who, Row row) {
    if (who.overseesAll()) {
      return true;
    }
    Set<String> involved = new HashSet<>(row.groups());
    involved.addAll(DeclarationTexts.COMMITTEE);
    involved.add(settings.hostCity());
    involved.add(DeclarationCocreation.GENERAL_ASSEMBLY);
    return who.bodies().stream().anyMatch(involved::contains)
        || processes.participates(who, row.processInstanceId());
  }
}
