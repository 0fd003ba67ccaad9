package org.govflow.decisions.internal;

import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionViewer;
import org.govflow.decisions.NamedVote;
import org.govflow.decisions.NewDecision;
import org.govflow.decisions.Quorum;
import org.govflow.decisions.RuleApplied;
import org.govflow.decisions.Votes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A few past decisions for the quick start, so a newcomer's register is not empty: written once,
 * into an empty register, in the demo profile only.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoDecisions {

  private final DecisionRegister register;

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (!register
        .list(DecisionFilter.all(), new DecisionViewer(java.util.Set.of(), true), 1)
        .isEmpty()) {
      return;
    }
    Decision budget =
        register.record(
            new NewDecision(
                "world-council",
                "statutory-meeting",
                null,
                "WC-2026-01",
                "Budget and membership fees 2026",
                "adopted",
                new Votes(31, 3, 2, 6),
                List.of(),
                new Quorum(36, 22, true),
                new RuleApplied("statutory-majority", 1),
                null,
                Instant.parse("2026-03-12T10:30:00Z"),
                "officer"));
    register.publish(budget.id(), "sg");
    Decision rtc =
        register.record(
            new NewDecision(
                "council-right-to-city",
                "policy-recommendation",
                null,
                "REC-RTC-2026-001",
                "Recommendation on housing as a human right in intermediary cities",
                "adopted",
                new Votes(5, 1, 1, 1),
                List.of(
                    new NamedVote("ana.belmonte", "yes"), new NamedVote("thandiwe.nkosi", "yes")),
                new Quorum(7, 5, true),
                new RuleApplied("council-majority", 1),
                "9f2c".repeat(16),
                Instant.parse("2026-05-20T14:00:00Z"),
                "system"));
    register.record(
        new NewDecision(
            "presidency",
            "policy-recommendation",
            null,
            "REC-RTC-2026-001",
            "Endorsement: housing as a human right in intermediary cities",
            "endorsed",
            null,
            List.of(),
            null,
            null,
            "9f2c".repeat(16),
            Instant.parse("2026-06-02T09:00:00Z"),
            "president"));
    register.publish(rtc.id(), "sg");
    register.record(
        new NewDecision(
            "executive-bureau",
            "statutory-meeting",
            null,
            "EB-2026-02",
            "Host city of the 2028 World Congress: shortlist",
            "adopted",
            new Votes(9, 0, 2, 1),
            List.of(),
            new Quorum(11, 7, true),
            new RuleApplied("statutory-majority", 1),
            null,
            Instant.parse("2026-09-18T16:00:00Z"),
            "officer"));
  }
}
