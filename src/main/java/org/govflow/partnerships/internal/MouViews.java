package org.govflow.partnerships.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.directory.Body;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.documents.Document;
import org.govflow.documents.DocumentVersion;
import org.govflow.documents.Documents;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.govflow.workflow.RunningProcesses;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** The register as people read it: rows sorted by the next date that matters, and one MoU whole. */
@Service
@RequiredArgsConstructor
class MouViews {

  private static final Participant THE_REGISTER =
      new Participant(MouRenewal.SYSTEM, Set.of(), true);

  private final MouRepository repository;
  private final Directory directory;
  private final Documents documents;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final RunningProcesses running;
  private final AssessmentLinks links;

  List<MouSummary> list(String partner, String status) {
    Map<Long, Renewal> running =
        repository.runningRenewals().stream()
            .collect(Collectors.toMap(Renewal::mouId, Function.identity(), (a, b) -> a));
    LocalDate today = calendar.dayOf(clock.instant());
    return repository.all().stream()
        .filter(m -> partner == null || partner.isBlank() || m.partnerId().equals(partner))
        .filter(m -> status == null || status.isBlank() || m.status().key().equals(status))
        .map(m -> summary(m, Optional.ofNullable(running.get(m.id())), today))
        .sorted(
            Comparator.comparing((MouSummary s) -> s.daysLeft() < 0)
                .thenComparing(MouSummary::nextDate))
        .toList();
  }

  MouDetails details(long id) {
    Mou m = repository.find(id).orElseThrow(() -> Refusal.notFound("partnerships.unknown"));
    List<Renewal> renewals = repository.renewals(id);
    Optional<Renewal> running = renewals.stream().filter(Renewal::running).findFirst();
    List<MouDetails.DocumentRef> docs = new ArrayList<>();
    for (Renewal r : renewals) {
      for (Document d : documents.of(THE_REGISTER, r.processInstanceId())) {
        DocumentVersion v = d.current();
        docs.add(
            new MouDetails.DocumentRef(
                r.processInstanceId(), d.id(), d.name(), v.version(), v.sha256(), v.createdAt()));
      }
    }
    return new MouDetails(
        summary(m, running, calendar.dayOf(clock.instant())),
        m.partnerKind(),
        m.signedOn(),
        m.noticePeriod(),
        m.contactName(),
        m.contactEmail(),
        m.contactLanguage(),
        m.endedOn(),
        m.endReason(),
        repository.terms(id),
        renewals.stream().map(RenewalView::of).toList(),
        docs,
        repository.events(id),
        repository.assessmentLinks(id));
  }

  /**
   * The running renewal's assessment when this person is to give it now: its task and what they may
   * cite, actions, meetings and decisions concerning the partner.
   */
  Optional<Assessing> assessing(long id, String personId) {
    Mou m = repository.find(id).orElse(null);
    if (m == null) {
      return Optional.empty();
    }
    return repository.renewals(id).stream()
        .filter(Renewal::running)
        .flatMap(r -> running.openTasks(r.processInstanceId(), "Assess").stream())
        .filter(t -> personId.equals(t.assignee()))
        .findFirst()
        .map(t -> new Assessing(t.taskId(), links.candidates(m, personId)));
  }

  /** The assessment a person is to give: its task, and what they may cite. */
  record Assessing(String taskId, List<AssessmentLink> candidates) {

    public List<AssessmentLink> of(String kind) {
      return candidates.stream().filter(l -> l.kind().equals(kind)).toList();
    }
  }

  /** When the last day to decide closes (the secretariat's closing time that day). */
  java.time.Instant closeOf(LocalDate day) {
    return calendar.closeOf(day);
  }

  /** The partner bodies of the directory, for the filters and forms. */
  List<Body> partners() {
    return directory.bodies().stream()
        .filter(b -> b.type() == org.govflow.directory.BodyType.PARTNER)
        .toList();
  }

  List<Person> people() {
    return directory.people();
  }

  private MouSummary summary(Mou m, Optional<Renewal> running, LocalDate today) {
    Locale reader = LocaleContextHolder.getLocale();
    MouTerm t = m.term();
    boolean noticeAhead = !t.noticeDate().isBefore(today);
    LocalDate next = noticeAhead ? t.noticeDate() : t.endsOn();
    return new MouSummary(
        m.id(),
        m.partnerId(),
        directory.body(m.partnerId()).map(b -> b.name().in(reader)).orElse(m.partnerId()),
        m.title(),
        m.status().key(),
        m.renewalKind().key(),
        t.noticeDate(),
        t.endsOn(),
        noticeAhead ? "notice" : "expiry",
        next,
        ChronoUnit.DAYS.between(today, next),
        m.focalPoint(),
        directory.person(m.focalPoint()).map(Person::name).orElse(m.focalPoint()),
        running.map(Renewal::businessKey).orElse(null),
        running.map(Renewal::stage).orElse(null));
  }
}
