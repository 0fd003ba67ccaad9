package org.govflow.recommendations.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.recommendations.internal.RecommendationDetails.Answer;
import org.govflow.recommendations.internal.RecommendationDetails.Review;
import org.govflow.recommendations.internal.RecommendationDetails.Vote;
import org.govflow.recommendations.internal.RecommendationRepository.Row;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process records at each step of a recommendation: its versions (stored as documents),
 * the co-chairs' reviews, the Sections' answers and silence, the members' votes. Times are the
 * engine's, so that process tests driving the clock see consistent records.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecommendationRecords {

  // the process reads its documents on its own behalf, as it stores them
  private static final Participant THE_PROCESS =
      new Participant(PolicyRecommendation.SYSTEM, Set.of(), true);

  private final RecommendationRepository repository;
  private final Documents documents;

  /**
   * Stores a version of the recommendation's text: version 1 at launch (which opens the
   * recommendation's record), a new version after a revision or the consolidation.
   */
  @Transactional
  DocumentVersion storeVersion(Launched launched, String personId, String text) {
    Optional<Row> existing = repository.byProcess(launched.processInstanceId());
    // the person acts through a step of this process, so they take part in it
    Participant author = new Participant(personId, Set.of(), true);
    DocumentVersion version =
        documents.upload(
            author,
            launched.processInstanceId(),
            existing.map(Row::documentId).orElse(null),
            launched.businessKey() + ".md",
            text.getBytes(StandardCharsets.UTF_8));
    if (existing.isEmpty()) {
      repository.insert(launched.row(version.documentId(), personId, EngineClock.now()));
    }
    return version;
  }

  /** The text of a stored version, for the form that writes the next one. */
  @Transactional(readOnly = true)
  String text(String documentId, int version) {
    return new String(
        documents.content(THE_PROCESS, documentId, version).bytes(), StandardCharsets.UTF_8);
  }

  /** A co-chair's review of the current version. */
  @Transactional
  void recordReview(
      String processInstanceId, String personId, int version, String decision, String comment) {
    repository.review(
        processInstanceId, new Review(personId, version, decision, comment, EngineClock.now()));
  }

  /** A Section's answer in a consultation round; only comments keep their text. */
  @Transactional
  void recordAnswer(
      String processInstanceId,
      int round,
      String sectionId,
      String personId,
      SectionAnswer answer,
      String comments) {
    String kept = answer == SectionAnswer.COMMENTS ? comments : null;
    repository.answer(
        processInstanceId, round, sectionId, answer, personId, kept, EngineClock.now());
  }

  /**
   * The silence procedure: every consulted Section that has not answered in this round by the
   * deadline is recorded as having no objection.
   *
   * @return the silent Sections
   */
  @Transactional
  List<String> recordSilence(String processInstanceId, int round, Collection<String> consulted) {
    Set<String> answered =
        repository.answers(processInstanceId).stream()
            .filter(a -> a.round() == round)
            .map(Answer::sectionId)
            .collect(Collectors.toSet());
    List<String> silent = new ArrayList<>();
    Instant now = EngineClock.now();
    for (String section : consulted) {
      if (!answered.contains(section)) {
        repository.answer(
            processInstanceId, round, section, SectionAnswer.SILENCE, null, null, now);
        silent.add(section);
      }
    }
    return silent;
  }

  /** A council member's vote in a voting round. */
  @Transactional
  void castVote(
      String processInstanceId, int round, String personId, String vote, String statement) {
    repository.vote(
        processInstanceId, new Vote(round, personId, vote, statement, EngineClock.now()));
  }

  /** How many Section comments of the process still lack a disposition. */
  @Transactional(readOnly = true)
  long commentsWithoutDisposition(String processInstanceId) {
    return repository.answers(processInstanceId).stream().filter(Answer::needsDisposition).count();
  }

  /** What the process knows of a recommendation when it stores a version. */
  record Launched(
      String processInstanceId,
      String businessKey,
      String councilId,
      String title,
      String summary) {

    Row row(String documentId, String rapporteur, Instant at) {
      return new Row(
          processInstanceId,
          businessKey,
          councilId,
          title,
          summary,
          documentId,
          rapporteur,
          null,
          at);
    }
  }
}
