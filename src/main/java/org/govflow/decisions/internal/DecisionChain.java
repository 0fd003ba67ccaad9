package org.govflow.decisions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.decisions.ChainVerification;
import org.govflow.decisions.Decision;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionViewer;
import org.govflow.decisions.NewDecision;
import org.springframework.stereotype.Component;

/** Appends to and checks the hash chain over the register's entries. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DecisionChain {

  private final DecisionRepository repository;

  /** Must run in a transaction: the chain's head stays locked until it commits. */
  public Decision append(NewDecision decision, Long corrects, Instant recordedAt) {
    DecisionRepository.Head head = repository.lockHead();
    long id = head.id() + 1;
    String hash = DecisionHasher.hash(head.hash(), id, recordedAt, decision, corrects);
    repository.insert(id, recordedAt, decision, corrects, head.hash(), hash);
    return repository.find(id).orElseThrow();
  }

  public void publish(long id, String by, Instant at) {
    repository.publish(id, by, at);
  }

  public Optional<Decision> find(long id) {
    return repository.find(id);
  }

  public List<Decision> list(DecisionFilter filter, DecisionViewer viewer, int limit) {
    return repository.list(filter, viewer, limit);
  }

  public List<Decision> ofProcess(String processInstanceId) {
    return repository.ofProcess(processInstanceId);
  }

  public ChainVerification verify() {
    Verifier verifier = new Verifier();
    repository.forEachInOrder(verifier::check);
    return new ChainVerification(verifier.checked, verifier.brokenAt, verifier.reason);
  }

  private static final class Verifier {
    long checked;
    long expectedId = 1;
    String previous = DecisionHasher.GENESIS;
    Long brokenAt;
    String reason;

    void check(Decision d) {
      if (brokenAt != null) {
        return;
      }
      checked++;
      if (d.id() != expectedId) {
        fail(d.id(), "entry " + expectedId + " is missing before it");
      } else if (!Objects.equals(d.previousHash(), previous)) {
        fail(d.id(), "it does not point to the hash of the entry before it");
      } else if (!DecisionHasher.hash(previous, d.id(), d.recordedAt(), d.content(), d.corrects())
          .equals(d.hash())) {
        fail(d.id(), "its content no longer matches its hash");
      }
      previous = d.hash();
      expectedId = d.id() + 1;
    }

    private void fail(long id, String why) {
      brokenAt = id;
      reason = why;
    }
  }
}
