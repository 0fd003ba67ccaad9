package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.DecisionRegister;
import org.govflow.documents.Documents;
import org.govflow.recommendations.internal.RecommendationRepository.Row;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RunningProcesses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the recommendations' page and API show: the list of those the reader takes part in, and one
 * recommendation with where it stands, its versions and diffs, its records and decisions.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecommendationViews {

  private final RecommendationRepository repository;
  private final Documents documents;
  private final DecisionRegister register;
  private final Processes processes;
  private final RunningProcesses running;

  /** The recommendations the reader takes part in (all of them for the secretariat). */
  @Transactional(readOnly = true)
  List<RecommendationSummary> list(Participant who) {
    return repository.all().stream()
        .filter(r -> processes.participates(who, r.processInstanceId()))
        .map(
            r ->
                new RecommendationSummary(
                    r.processInstanceId(),
                    r.businessKey(),
                    r.councilId(),
                    r.title(),
                    r.createdAt(),
                    processes.running(r.processInstanceId()),
                    r.outcome(),
                    stage(r.processInstanceId())))
        .toList();
  }

  /** One recommendation, for someone who takes part in it. */
  @Transactional(readOnly = true)
  RecommendationDetails details(Participant who, String businessKey) {
    Row row =
        repository
            .byBusinessKey(businessKey)
            .filter(r -> processes.participates(who, r.processInstanceId()))
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.unknown"));
    String pid = row.processInstanceId();
    List<String> stage = stage(pid);
    boolean isRunning = processes.running(pid);
    return new RecommendationDetails(
        pid,
        row.businessKey(),
        row.councilId(),
        row.title(),
        row.summary(),
        row.rapporteur(),
        row.createdAt(),
        isRunning,
        stage,
        row.outcome(),
        versions(who, row),
        repository.reviews(pid),
        repository.answers(pid),
        repository.votes(pid),
        register.ofProcess(pid),
        isRunning && who.bodies().contains(SECRETARIAT) && stage.contains(CONSOLIDATE));
  }

  /** The steps a recommendation is at: none once ended. */
  private List<String> stage(String processInstanceId) {
    return running.activeSteps(processInstanceId).stream()
        .map(id -> id.replace("#multiInstanceBody", ""))
        .distinct()
        .sorted()
        .toList();
  }

  /** The versions of the recommendation's text, each with the diff to the one before. */
  private List<RecommendationDetails.Version> versions(Participant who, Row row) {
    return documents.of(who, row.processInstanceId()).stream()
        .filter(d -> d.id().equals(row.documentId()))
        .flatMap(d -> d.versions().stream())
        .map(
            v ->
                new RecommendationDetails.Version(
                    v.documentId(),
                    v.version(),
                    v.sha256(),
                    v.createdAt(),
                    v.createdBy(),
                    documents.diff(who, v.documentId(), v.version())))
        .toList();
  }
}
