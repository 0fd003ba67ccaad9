package org.govflow.declaration.internal;

import static org.govflow.declaration.internal.DeclarationCocreation.*;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.declaration.internal.DeclarationRepository.Row;
import org.govflow.workflow.EngineClock;
import org.springframework.stereotype.Service;

/**
 * The declaration's entries in the decision register, each with the SHA-256 of the version it
 * concerns: the committee's dispositions of a round, each validation, the adoption or rejection.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeclarationDecisions {

  /** The register's outcome for a round's dispositions. */
  static final String DISPOSED = "amendments-disposed";

  private final DeclarationRepository repository;
  private final DecisionRegister register;

  /**
   * The round's dispositions, as one entry ("amendments-disposed", the round in the subject) with
   * the SHA-256 of the version they gave.
   */
  Decision recordDispositions(String processInstanceId, int round, String sha256) {
    Row row = row(processInstanceId);
    NewDecision entry = entry(SECRETARIAT, row, DISPOSED, sha256, null);
    return register.record(
        new NewDecision(
            entry.bodyId(),
            entry.processKey(),
            entry.processInstanceId(),
            entry.businessKey(),
            row.title() + " (" + round + ")",
            entry.outcome(),
            null,
            List.of(),
            null,
            null,
            sha256,
            entry.decidedAt(),
            entry.recordedBy()));
  }

  /** A validation by the host city or the Presidency: approved or returned. */
  Decision recordValidation(
      String processInstanceId, String bodyId, boolean approved, String personId, String sha256) {
    return register.record(
        entry(
            bodyId, row(processInstanceId), approved ? "approved" : "returned", sha256, personId));
  }

  /**
   * The General Assembly's decision: the meeting's entry when it recorded one, else a new one;
   * published either way.
   */
  Decision recordAdoption(
      String processInstanceId, String outcome, Long decisionId, String sha256) {
    Decision decision =
        decisionId != null
            ? register
                .find(decisionId)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "The General Assembly's decision #"
                                + decisionId
                                + " is not registered"))
            : register.record(
                entry(GENERAL_ASSEMBLY, row(processInstanceId), outcome, sha256, null));
    register.publish(decision.id(), SYSTEM);
    return decision;
  }

  private static NewDecision entry(
      String bodyId, Row row, String outcome, String sha256, String personId) {
    return new NewDecision(
        bodyId,
        PROCESS,
        row.processInstanceId(),
        row.businessKey(),
        row.title(),
        outcome,
        null,
        List.of(),
        null,
        null,
        sha256,
        EngineClock.now(),
        personId == null ? SYSTEM : personId);
  }

  private Row row(String processInstanceId) {
    return repository
        .byProcess(processInstanceId)
        .orElseThrow(
            () -> new IllegalStateException("No declaration for process " + processInstanceId));
  }
}
