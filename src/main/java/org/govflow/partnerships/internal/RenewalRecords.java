package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.NewDecision;
import org.govflow.documents.Document;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.forms.FieldError;
import org.govflow.partnerships.MouEscalated;
import org.govflow.partnerships.MouLapseNotified;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What the renewal's steps record, inside the engine's transaction: the MoU's status and timeline,
 * the texts as documents, the register entries with the SHA-256 of the version concerned, and the
 * new term. Only the process's delegates call it.
 */
@Service
@RequiredArgsConstructor
class RenewalRecords {

  private static final Participant THE_PROCESS = new Participant(SYSTEM, Set.of(), true);

  private final MouRepository repository;
  private final Documents documents;
  private final DecisionRegister register;
  private final NoticeDates noticeDates;
  private final ApplicationEventPublisher events;
  private final BusinessCalendar calendar;
  private final AssessmentLinks citations;
  private final Clock clock;

  void opened(String processInstanceId) {
    Renewal r = renewal(processInstanceId);
    repository.status(r.mouId(), MouStatus.RENEWAL_IN_PROGRESS, clock.instant());
    repository.event(r.mouId(), "renewal-started", r.businessKey(), r.startedBy(), clock.instant());
  }

  void stage(String processInstanceId, String stage) {
    repository.stage(processInstanceId, stage);
  }

  /** Stores a text of the renewal as the next version of its document (a new one when null). */
  DocumentVersion storeText(
      String processInstanceId, String personId, String documentId, String fileName, String text) {
    return documents.upload(
        new Participant(personId, Set.of(), true),
        processInstanceId,
        documentId,
        fileName,
        text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The work plan actions, meetings and decisions the assessment cites, each one offered to the
   * person assessing (it concerns the partner and they may see it), stored with their titles;
   * anything else refuses the assessment.
   */
  List<AssessmentLink> assessmentLinks(String processInstanceId, String personId, Object picked) {
    Renewal r = renewal(processInstanceId);
    List<AssessmentLink> links = citations.resolve(mou(r), personId, picked);
    repository.assessmentLinks(processInstanceId, links);
    return links;
  }

  void assessed(String processInstanceId, String personId, String recommendation, String sha) {
    event(processInstanceId, "assessed", recommendation, personId);
  }

  /** The Secretary General's decision (renew or lapse), into the register. */
  void decided(
      String processInstanceId,
      String businessKey,
      String personId,
      String decision,
      String assessmentSha256) {
    record(processInstanceId, businessKey, SECRETARIAT, decision, assessmentSha256, personId);
    event(processInstanceId, "decided", decision, personId);
  }

  /**
   * The notice date passed undecided: for a tacit MoU the renewal happened by itself and the new
   * term is recorded; an express one waits for a late decision.
   */
  void noticePassed(String processInstanceId, String businessKey, boolean tacit) {
    event(processInstanceId, tacit ? "renewed-tacitly" : "notice-passed", null, SYSTEM);
    if (tacit) {
      newTerm(processInstanceId, "tacit", null, SYSTEM);
      record(processInstanceId, businessKey, SECRETARIAT, "renewed-tacitly", null, SYSTEM);
      repository.outcome(processInstanceId, "renewed-tacitly");
    }
  }

  /**
   * The Presidency's members and the Secretary General are told what went wrong in time, in their
   * language and time zone, after the step commits (the notifications module writes the mails).
   */
  void escalated(
      String processInstanceId, String businessKey, String what, String secretaryGeneral) {
    Renewal r = renewal(processInstanceId);
    Mou mou = mou(r);
    MouTerm term = mou.term();
    events.publishEvent(
        new MouEscalated(
            mou.id(),
            mou.partnerId(),
            mou.title(),
            businessKey,
            what,
            calendar.closeOf(term.noticeDate()),
            calendar.closeOf(term.endsOn()),
            MouEscalated.NOTICE_PASSED_TACIT.equals(what) ? nextTermEnd(term) : null,
            PRESIDENCY,
            secretaryGeneral));
    repository.event(mou.id(), "escalated", null, SYSTEM, clock.instant());
  }

  void legalOpinion(
      String processInstanceId, String businessKey, String personId, String opinion, String sha) {
    record(processInstanceId, businessKey, LEGAL, opinion, sha, personId);
    event(processInstanceId, "legal-" + opinion, null, personId);
  }

  void partnerAnswered(String processInstanceId, String personId, String answer, int round) {
    event(processInstanceId, "partner-" + answer, "round " + round, personId);
  }

  void approval(
      String processInstanceId, String businessKey, String personId, String approval, String sha) {
    record(processInstanceId, businessKey, PRESIDENCY, approval, sha, personId);
    event(processInstanceId, "presidency-" + approval, null, personId);
  }

  /**
   * The signed copy, an upload to this renewal checked as any upload: its latest version's SHA-256
   * goes into the register. A number that is not a document of the renewal is refused.
   */
  String signed(String processInstanceId, String businessKey, String personId, String documentId) {
    DocumentVersion version =
        documents.of(THE_PROCESS, processInstanceId).stream()
            .filter(d -> d.id().equals(documentId))
            .map(Document::current)
            .findFirst()
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        List.of(
                            new FieldError(
                                SIGNED_DOCUMENT_ID, "partnerships.sign.unknownDocument")),
                        "partnerships.invalid"));
    record(processInstanceId, businessKey, PRESIDENCY, "signed", version.sha256(), personId);
    event(processInstanceId, "signed", version.fileName(), personId);
    return version.sha256();
  }

  /** The signed renewal's new term; the MoU is renewed. */
  void renewed(String processInstanceId, String signedSha256, String personId) {
    newTerm(processInstanceId, "express", signedSha256, personId);
    repository.outcome(processInstanceId, "renewed");
  }

  /** The partner's contact is told, in the partner's language, that the MoU will not be renewed. */
  void lapseNotified(String processInstanceId) {
    Renewal r = renewal(processInstanceId);
    Mou mou = mou(r);
    events.publishEvent(
        new MouLapseNotified(
            mou.id(),
            mou.partnerId(),
            mou.title(),
            mou.contactName(),
            mou.contactEmail(),
            mou.contactLanguage(),
            mou.focalPoint(),
            mou.term().endsOn()));
    repository.event(mou.id(), "partner-notified", mou.contactEmail(), SYSTEM, clock.instant());
  }

  void lapsed(String processInstanceId) {
    Renewal r = renewal(processInstanceId);
    repository.status(r.mouId(), MouStatus.LAPSED, clock.instant());
    repository.outcome(processInstanceId, "lapsed");
    repository.event(r.mouId(), "lapsed", null, SYSTEM, clock.instant());
  }

  void expiredUnsigned(String processInstanceId) {
    Renewal r = renewal(processInstanceId);
    repository.status(r.mouId(), MouStatus.EXPIRED_RENEWAL_PENDING, clock.instant());
    repository.outcome(processInstanceId, "expired-renewal-pending");
    repository.event(r.mouId(), "expired-unsigned", null, SYSTEM, clock.instant());
  }

  /** The end of the term a renewal would add: as long as the current one. */
  static LocalDate nextTermEnd(MouTerm current) {
    return current.endsOn().plus(Period.between(current.startsOn(), current.endsOn()));
  }

  private void newTerm(String processInstanceId, String how, String sha, String personId) {
    Renewal r = renewal(processInstanceId);
    Mou mou = mou(r);
    MouTerm current = mou.term();
    LocalDate ends = nextTermEnd(current);
    Instant now = clock.instant();
    repository.insertTerm(
        new MouTerm(
            mou.id(),
            current.termNo() + 1,
            current.endsOn().plusDays(1),
            ends,
            noticeDates.of(mou.renewalKind(), mou.noticePeriod(), mou.partnerKind(), ends),
            how,
            sha,
            personId,
            now));
    repository.status(mou.id(), MouStatus.RENEWED, now);
    repository.event(mou.id(), "term-recorded", ends.toString(), personId, now);
  }

  private void record(
      String processInstanceId,
      String businessKey,
      String bodyId,
      String outcome,
      String sha,
      String personId) {
    Renewal r = renewal(processInstanceId);
    register.record(
        new NewDecision(
            bodyId,
            PROCESS,
            processInstanceId,
            businessKey,
            mou(r).title(),
            outcome,
            null,
            List.of(),
            null,
            null,
            sha,
            clock.instant(),
            personId == null ? SYSTEM : personId));
  }

  private void event(String processInstanceId, String kind, String detail, String personId) {
    Renewal r = renewal(processInstanceId);
    repository.event(
        r.mouId(), kind, detail, personId == null ? SYSTEM : personId, clock.instant());
  }

  private Renewal renewal(String processInstanceId) {
    return repository
        .renewalOf(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No MoU renewal " + processInstanceId));
  }

  private Mou mou(Renewal r) {
    return repository
        .find(r.mouId())
        .orElseThrow(() -> new IllegalStateException("No MoU " + r.mouId()));
  }
}
