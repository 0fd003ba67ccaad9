package org.govflow.decisions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.internal.DecisionChain;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of record for every decision: record, correct, publish, list, verify. Entries are
 * never changed: a correction is a new entry pointing to the one it corrects, and each entry's hash
 * is chained to the previous one's.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DecisionRegister {

  private final DecisionChain chain;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final MessageSource messages;

  /** Records a decision, in the caller's transaction (a process step, say). */
  @Transactional
  public Decision record(NewDecision decision) {
    return append(decision, null);
  }

  /** Records a correction of an earlier entry; the earlier entry stays as it was. */
  @Transactional
  public Decision correct(long correctedId, NewDecision correction) {
    Decision original =
        chain.find(correctedId).orElseThrow(() -> new DecisionNotFoundException(correctedId));
    if (!original.content().bodyId().equals(correction.bodyId())) {
      throw new IllegalArgumentException(
          "A correction stays with the body that decided (" + original.content().bodyId() + ")");
    }
    return append(correction, correctedId);
  }

  /** Makes a decision visible to every member (and to the public page, where it is on). */
  @Transactional
  public void publish(long id, String by) {
    Decision decision = chain.find(id).orElseThrow(() -> new DecisionNotFoundException(id));
    if (!decision.published()) {
      chain.publish(id, by, now());
      events.publishEvent(
          new DecisionPublished(
              id,
              decision.content().bodyId(),
              decision.content().subject(),
              decision.content().outcome(),
              decision.content().businessKey(),
              decision.content().decidedAt(),
              by));
    }
  }

  public Optional<Decision> find(long id) {
    return chain.find(id);
  }

  /** The newest decisions first, as far as the viewer may see them. */
  public List<Decision> list(DecisionFilter filter, DecisionViewer viewer, int limit) {
    return chain.list(filter, viewer, Math.max(1, Math.min(limit, 10_000)));
  }

  /**
   * The decisions taken in one process instance, oldest first. Whoever may see the process may see
   * them: the caller checks that.
   */
  public List<Decision> ofProcess(String processInstanceId) {
    return chain.ofProcess(processInstanceId);
  }

  /** Recomputes every hash in order and names the first entry whose chain breaks. */
  public ChainVerification verify() {
    return chain.verify();
  }

  private Decision append(NewDecision decision, Long corrects) {
    check(decision);
    Decision recorded = chain.append(decision, corrects, now());
    events.publishEvent(
        new DecisionRecorded(
            recorded.id(),
            decision.bodyId(),
            decision.processKey(),
            decision.subject(),
            decision.outcome(),
            decision.businessKey(),
            decision.decidedAt(),
            corrects));
    return recorded;
  }

  private Instant now() {
    // the database keeps microseconds; the hash must cover exactly what is stored
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void check(NewDecision d) {
    require(d.bodyId() != null && !d.bodyId().isBlank(), "the body that decided");
    require(d.subject() != null && !d.subject().isBlank(), "a subject");
    require(
        d.subject() == null || d.subject().length() <= 1000,
        "a subject of at most 1000 characters");
    require(
        d.outcome() != null && d.outcome().matches("[a-z][a-z-]{1,39}"),
        "an outcome such as adopted");
    // every page, mail and feed shows the outcome by its label: an outcome no reader could read is
    // refused here rather than shown as a raw key
    require(
        d.outcome() == null
            || messages.getMessage("decisions.outcome." + d.outcome(), null, null, Locale.ENGLISH)
                != null,
        "an outcome with a label (decisions.outcome." + d.outcome() + " in i18n/decisions)");
    require(d.decidedAt() != null, "when it was decided");
    require(d.recordedBy() != null && !d.recordedBy().isBlank(), "who records it");
    require(
        d.documentSha256() == null || d.documentSha256().matches("[0-9a-f]{64}"),
        "the document's SHA-256 as 64 hexadecimal digits");
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("A decision needs " + what);
    }
  }
}
