package org.govflow.recommendations.internal;

import static org.govflow.recommendations.internal.PolicyRecommendation.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.forms.FieldError;
import org.govflow.recommendations.internal.RecommendationDetails.Answer;
import org.govflow.recommendations.internal.RecommendationRepository.Row;
import org.govflow.web.Refusal;
import org.govflow.web.Refusal.Reason;
import org.govflow.workflow.EngineClock;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.govflow.workflow.RunningProcesses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's dispositions of the Sections' comments, given on the recommendation's page or
 * over the API while it consolidates. The checks are the same for both: who may, when, and the
 * reason the disposition needs unless the comment is accepted (a rule across two fields).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Dispositions {

  private static final int REASON_MAX = 4000;

  private final RecommendationRepository repository;
  private final Processes processes;
  private final RunningProcesses running;

  /**
   * Gives a comment its disposition.
   *
   * @param reason required unless the comment is accepted
   */
  @Transactional
  void dispose(
      Participant who, String businessKey, long answerId, String disposition, String reason) {
    Row row =
        repository
            .byBusinessKey(businessKey)
            .filter(r -> processes.participates(who, r.processInstanceId()))
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.unknown"));
    if (!who.bodies().contains(SECRETARIAT)) {
      throw new Refusal(Reason.FORBIDDEN, "recommendations.dispose.notSecretariat");
    }
    if (!running.activeSteps(row.processInstanceId()).contains(CONSOLIDATE)) {
      throw new Refusal(Reason.CONFLICT, "recommendations.dispose.notNow");
    }
    Answer answer =
        repository
            .answer(row.processInstanceId(), answerId)
            .filter(a -> a.answer() == SectionAnswer.COMMENTS)
            .orElseThrow(() -> new Refusal(Reason.NOT_FOUND, "recommendations.dispose.unknown"));
    Optional<Disposition> given = Coded.of(Disposition.class, disposition);
    String why = reason == null ? "" : reason.strip();
    List<FieldError> errors = new ArrayList<>();
    if (given.isEmpty()) {
      errors.add(new FieldError("disposition", "recommendations.dispose.choose"));
    }
    if (given.filter(d -> d == Disposition.ACCEPTED).isEmpty() && why.isEmpty()) {
      errors.add(new FieldError("reason", "recommendations.dispose.reasonRequired"));
    }
    if (why.length() > REASON_MAX) {
      errors.add(new FieldError("reason", "recommendations.dispose.reasonTooLong"));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(Reason.INVALID, errors, "recommendations.invalid");
    }
    repository.dispose(
        answer.id(), given.get(), why.isEmpty() ? null : why, who.personId(), EngineClock.now());
  }
}
