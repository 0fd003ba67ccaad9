package org.govflow.partnerships.internal;

import static org.govflow.partnerships.internal.MouRenewal.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.directory.Directory;
import org.govflow.directory.Membership;
import org.govflow.directory.Role;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.Processes;
import org.govflow.workflow.StartedProcess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the renewal of an MoU's current term: by itself from the sweep, or by hand. A renewal's
 * row (MoU, term) is inserted in the transaction that starts the process: a second start of the
 * same term, on this node or another, fails on its primary key and rolls back with its process.
 */
@Service
@RequiredArgsConstructor
class RenewalStarts {

  private final MouRepository repository;
  private final Processes processes;
  private final Directory directory;
  private final BusinessCalendar calendar;
  private final PartnershipSettings settings;
  private final Clock clock;

  /** By hand: the secretariat or leadership; refused with 409 when one runs for that term. */
  @Transactional
  Renewal startByHand(Participant who, long mouId) {
    if (!who.overseesAll()) {
      throw Refusal.forbidden("partnerships.notSecretariat");
    }
    Mou mou = repository.find(mouId).orElseThrow(() -> Refusal.notFound("partnerships.unknown"));
    if (mou.endedOn() != null || mou.status() == MouStatus.LAPSED) {
      throw Refusal.conflict("partnerships.ended");
    }
    return start(mou, who.personId());
  }

  /** Whether the sweep starts this MoU's renewal today: the lead time before its notice date. */
  boolean due(Mou mou, LocalDate today) {
    return mou.endedOn() == null
        && (mou.status() == MouStatus.ACTIVE || mou.status() == MouStatus.RENEWED)
        && !today.isBefore(mou.term().noticeDate().minus(settings.leadTime()))
        && !today.isAfter(mou.term().endsOn());
  }

  /** Starts the renewal of the MoU's current term (the sweep calls this once per MoU due). */
  @Transactional
  Renewal start(Mou mou, String by) {
    MouTerm term = mou.term();
    if (repository.renewalExists(mou.id(), term.termNo())) {
      throw Refusal.conflict("partnerships.renewal.running");
    }
    StartedProcess started = processes.start(PROCESS, variables(mou), by);
    Renewal renewal =
        new Renewal(
            mou.id(),
            term.termNo(),
            started.id(),
            started.businessKey(),
            by,
            clock.instant(),
            "Assess",
            null);
    try {
      repository.insertRenewal(renewal);
    } catch (DuplicateKeyException startedElsewhere) {
      throw Refusal.conflict("partnerships.renewal.running");
    }
    repository.status(mou.id(), MouStatus.RENEWAL_IN_PROGRESS, clock.instant());
    repository.event(mou.id(), "renewal-started", started.businessKey(), by, clock.instant());
    return renewal;
  }

  private Map<String, Object> variables(Mou mou) {
    MouTerm term = mou.term();
    LocalDate newEnd = RenewalRecords.nextTermEnd(term);
    Map<String, Object> v = new HashMap<>();
    v.put(MOU_ID, mou.id());
    v.put(TERM_NO, term.termNo());
    v.put(TITLE, mou.title());
    v.put(PARTNER, mou.partnerId());
    // the partner's name in each language: a form shows a reader theirs (partnerName_fr)
    for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
      String name =
          directory.body(mou.partnerId()).map(b -> b.name().in(language)).orElse(mou.partnerId());
      v.put(
          language == Locale.ENGLISH ? PARTNER_NAME : PARTNER_NAME + "_" + language.getLanguage(),
          name);
    }
    v.put(FOCAL_POINT, mou.focalPoint());
    v.put(SECRETARY_GENERAL, secretaryGeneral());
    v.put(RENEWAL_KIND, mou.renewalKind().key());
    v.put(RENEWAL_YEAR, Integer.toString(term.endsOn().plusDays(1).getYear()));
    v.put(TERM_END, term.endsOn().toString());
    v.put(NOTICE_DATE, term.noticeDate().toString());
    v.put(NEW_TERM_END, newEnd.toString());
    v.put(NOTICE_AT, Date.from(calendar.closeOf(term.noticeDate())));
    v.put(EXPIRY_AT, Date.from(calendar.closeOf(term.endsOn())));
    v.put(MAX_ROUNDS, settings.maxRounds());
    v.put(RENEWAL_SIGNED, false);
    v.put(NEGOTIATION_ROUND, 0);
    v.put(NEXT_ROUND, 1);
    // what the assessment cites, until it is given (a late decision may come without it)
    v.put(LINKED_ACTIONS, AssessmentRecorded.NONE);
    v.put(LINKED_MEETINGS, AssessmentRecorded.NONE);
    v.put(LINKED_DECISIONS, AssessmentRecorded.NONE);
    return v;
  }

  /** The person holding the Secretary General's role in the directory. */
  private String secretaryGeneral() {
    return directory.memberships().stream()
        .filter(m -> m.role() == Role.SECRETARY_GENERAL)
        .map(Membership::personId)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Nobody holds the Secretary General's role"));
  }
}
