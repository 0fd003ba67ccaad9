package org.govflow.partnerships.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.govflow.deadlines.BusinessCalendar;
import org.govflow.workflow.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The quick start's register: eight partners' MoUs with dates relative to today, so that on the
 * first start one renewal is already running (the sweep started it), one is close to its notice
 * date, one has lapsed and one was renewed last year and has two terms. Seeded once, in the demo
 * profile only, through the register's own checks.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class DemoPartnerships {

  private static final Logger log = LoggerFactory.getLogger(DemoPartnerships.class);
  private static final Participant SECRETARIAT = new Participant("officer", Set.of(), true);

  private final MouRegister register;
  private final MouRepository repository;
  private final RenewalSweep sweep;
  private final NoticeDates noticeDates;
  private final BusinessCalendar calendar;
  private final Clock clock;

  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  void seed() {
    if (!repository.all().isEmpty()) {
      return;
    }
    LocalDate today = calendar.dayOf(clock.instant());
    try {
      // renewed last year: a second term, signed
      long habitat =
          mou(
              "partner-un-habitat",
              "un-system",
              "Cooperation on the New Urban Agenda",
              today.minusYears(4).minusMonths(2),
              today.minusYears(1).minusMonths(2),
              "express",
              "P3M",
              "hannah.lindqvist",
              "Amara Okafor",
              "en");
      renewed(habitat);
      // the sweep starts its renewal at once: its notice date is a month away
      mou(
          "partner-unicef",
          "un-system",
          "Child-friendly cities initiative",
          today.minusYears(3).plusMonths(4),
          today.plusMonths(4),
          "express",
          "P3M",
          "hannah.lindqvist",
          "Lucía Fernández",
          "es");
      // close to its notice date, not yet within the lead time
      mou(
          "partner-ilo",
          "un-system",
          "Decent work in local public services",
          today.minusYears(2).plusMonths(5).plusDays(10),
          today.plusMonths(5).plusDays(10),
          "express",
          "P3M",
          "ines.moreau",
          "Jean Dupuis",
          "fr");
      // lapsed last month
      long oecd =
          mou(
              "partner-oecd",
              "intergovernmental",
              "World Observatory on Subnational Government Finance",
              today.minusYears(3).minusMonths(1),
              today.minusMonths(1),
              "express",
              "P3M",
              "ines.moreau",
              "Claire Bernard",
              "fr");
      repository.status(oecd, MouStatus.LAPSED, clock.instant());
      repository.event(oecd, "lapsed", null, MouRenewal.SYSTEM, clock.instant());
      mou(
          "partner-afd",
          "public-agency",
          "Financing local climate action",
          today.minusYears(1),
          today.plusYears(2),
          "tacit",
          "P6M",
          "ines.moreau",
          "Paul Lefèvre",
          "fr");
      mou(
          "partner-uitp",
          "association",
          "Public transport and local mobility",
          today.minusMonths(6),
          today.plusMonths(18),
          "express",
          "P3M",
          "tomas.ibarra",
          "Anna Schmidt",
          "en");
      mou(
          "partner-fao",
          "un-system",
          "Urban food systems",
          today.minusYears(1).minusMonths(2),
          today.plusMonths(10),
          "tacit",
          "P3M",
          "tomas.ibarra",
          "Carlos Mendoza",
          "es");
      mou(
          "partner-who",
          "un-system",
          "Healthy cities",
          today.minusYears(2).plusMonths(9),
          today.plusMonths(9),
          "express",
          "P6M",
          "hannah.lindqvist",
          "Sofia Rossi",
          "en");
      int started = sweep.sweep();
      log.info("Demo register: 8 MoUs, {} renewal(s) started by the sweep", started);
    } catch (RuntimeException e) {
      log.warn("Demo MoUs not seeded: {}", e.toString());
    }
  }

  private long mou(
      String partner,
      String kind,
      String title,
      LocalDate start,
      LocalDate end,
      String renewal,
      String notice,
      String focalPoint,
      String contact,
      String language) {
    String email =
        // "Lucía Fernández" -> lucia.fernandez: accents are taken off the letters, not the letters
        java.text.Normalizer.normalize(contact, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '.')
                .replaceAll("[^a-z.]", "")
            + "@partner.example";
    return register.register(
        SECRETARIAT,
        new MouInput(
            partner,
            kind,
            "MoU: " + title,
            start,
            start,
            end,
            renewal,
            notice,
            focalPoint,
            contact,
            email,
            language));
  }

  /** Records a second term, as a renewal signed last year would have. */
  private void renewed(long id) {
    Mou mou = repository.find(id).orElseThrow();
    MouTerm first = mou.term();
    LocalDate end = first.endsOn().plus(Period.between(first.startsOn(), first.endsOn()));
    repository.insertTerm(
        new MouTerm(
            id,
            2,
            first.endsOn().plusDays(1),
            end,
            noticeDates.of(mou.renewalKind(), mou.noticePeriod(), mou.partnerKind(), end),
            "express",
            null,
            "president",
            clock.instant()));
    repository.status(id, MouStatus.RENEWED, clock.instant());
    repository.event(id, "term-recorded", end.toString(), "president", clock.instant());
  }
}
