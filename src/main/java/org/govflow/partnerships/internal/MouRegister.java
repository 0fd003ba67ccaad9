package org.govflow.partnerships.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.BodyType;
import org.govflow.directory.Directory;
import org.govflow.forms.FieldError;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.RunningProcesses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of MoUs: the secretariat registers, edits and ends them. Invalid values are refused
 * with the fields to fix and change nothing; the notice date of a term is the rule table's.
 */
@Service
@RequiredArgsConstructor
class MouRegister {

  private final MouRepository repository;
  private final Directory directory;
  private final NoticeDates noticeDates;
  private final RunningProcesses running;
  private final Clock clock;

  @Transactional
  long register(Participant who, MouInput input) {
    mayEdit(who);
    MouValues v = check(input);
    Instant now = clock.instant();
    long id = repository.insert(v, now);
    repository.insertTerm(
        new MouTerm(
            id,
            1,
            v.startsOn(),
            v.endsOn(),
            noticeDates.of(v.renewalKind(), v.noticePeriod(), v.partnerKind(), v.endsOn()),
            "original",
            null,
            who.personId(),
            now));
    repository.event(id, "registered", v.title(), who.personId(), now);
    return id;
  }

  /** Edits an MoU and the dates of its current term (a renewed term's start stays as signed). */
  @Transactional
  void update(Participant who, long id, MouInput input) {
    mayEdit(who);
    Mou mou = find(id);
    if (mou.endedOn() != null) {
      throw Refusal.conflict("partnerships.ended");
    }
    MouValues v = check(input);
    Instant now = clock.instant();
    repository.update(id, v, now);
    MouTerm term = mou.term();
    repository.updateTerm(
        new MouTerm(
            id,
            term.termNo(),
            v.startsOn(),
            v.endsOn(),
            noticeDates.of(v.renewalKind(), v.noticePeriod(), v.partnerKind(), v.endsOn()),
            term.how(),
            term.documentSha256(),
            term.recordedBy(),
            term.recordedAt()));
    repository.event(id, "edited", v.title(), who.personId(), now);
  }

  /** Ends an MoU before its expiry (terminated by a party): it is no longer renewed. */
  @Transactional
  void end(Participant who, long id, LocalDate on, String reason) {
    mayEdit(who);
    Mou mou = find(id);
    List<FieldError> errors = new ArrayList<>();
    if (on == null) {
      errors.add(new FieldError("endedOn", "partnerships.field.required"));
    } else if (on.isBefore(mou.signedOn())) {
      errors.add(new FieldError("endedOn", "partnerships.field.endBeforeSignature"));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "partnerships.field.required"));
    } else if (reason.length() > 2000) {
      errors.add(new FieldError("reason", "partnerships.field.tooLong"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors, "partnerships.invalid");
    }
    if (mou.endedOn() != null) {
      throw Refusal.conflict("partnerships.ended");
    }
    Instant now = clock.instant();
    // a renewal under way has nothing left to renew
    for (Renewal r : repository.renewals(id)) {
      if (r.running()) {
        running.end(r.processInstanceId(), "MoU ended: " + reason);
        repository.outcome(r.processInstanceId(), "ended");
      }
    }
    repository.end(id, on, reason, now);
    repository.event(id, "ended", reason, who.personId(), now);
  }

  Mou find(long id) {
    return repository.find(id).orElseThrow(() -> Refusal.notFound("partnerships.unknown"));
  }

  private static void mayEdit(Participant who) {
    if (!who.overseesAll()) {
      throw Refusal.forbidden("partnerships.notSecretariat");
    }
  }

  /** The values, checked together: every field to fix at once. */
  MouValues check(MouInput in) {
    List<FieldError> errors = new ArrayList<>();
    Body partner = in.partnerId() == null ? null : directory.body(in.partnerId()).orElse(null);
    if (partner == null || partner.type() != BodyType.PARTNER) {
      errors.add(new FieldError("partnerId", "partnerships.field.unknownPartner"));
    }
    if (in.focalPoint() == null || directory.person(in.focalPoint()).isEmpty()) {
      errors.add(new FieldError("focalPoint", "partnerships.field.notAPerson"));
    }
    if (in.endsOn() != null && in.signedOn() != null && !in.endsOn().isAfter(in.signedOn())) {
      errors.add(new FieldError("endsOn", "partnerships.field.expiryBeforeSignature"));
    }
    if (in.endsOn() != null && in.startsOn() != null && !in.endsOn().isAfter(in.startsOn())) {
      errors.add(new FieldError("endsOn", "partnerships.field.expiryBeforeStart"));
    }
    Period period = period(in.noticePeriod());
    if (period == null || period.isZero() || period.isNegative()) {
      errors.add(new FieldError("noticePeriod", "partnerships.field.period"));
    } else if (in.startsOn() != null
        && in.endsOn() != null
        && !in.endsOn().minus(period).isAfter(in.startsOn())) {
      errors.add(new FieldError("noticePeriod", "partnerships.field.noticeLongerThanTerm"));
    }
    RenewalKind kind = RenewalKind.of(in.renewalKind()).orElse(null);
    if (kind == null) {
      errors.add(new FieldError("renewalKind", "partnerships.field.renewalKind"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors, "partnerships.invalid");
    }
    return new MouValues(
        in.partnerId(),
        in.partnerKind(),
        in.title().strip(),
        in.signedOn(),
        in.startsOn(),
        in.endsOn(),
        kind,
        in.noticePeriod(),
        in.focalPoint(),
        blankToNull(in.contactName()),
        blankToNull(in.contactEmail()),
        Objects.requireNonNullElse(blankToNull(in.contactLanguage()), "en"));
  }

  private static Period period(String text) {
    try {
      return text == null ? null : Period.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
