package org.govflow.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Body;
import org.govflow.directory.DirectorySettings;
import org.govflow.directory.Membership;
import org.govflow.directory.OrganizationFileException;
import org.govflow.directory.Person;
import org.govflow.workflow.IdentityMirror;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads organization.yml at start-up, before the web server takes requests, and brings the
 * directory tables and Camunda's identity tables in line with it. Idempotent: a second start with
 * the same file changes nothing; an edited file changes only what differs; people and bodies
 * removed from the file are deactivated (history still names them), not deleted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DirectorySynchronizer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DirectorySynchronizer.class);

  private final DirectorySettings settings;
  private final DirectoryRepository repository;
  private final IdentityMirror mirror;
  private final TransactionTemplate transaction;
  private final DirectoryCache cache;

  @Override
  public void afterSingletonsInstantiated() {
    SyncReport report = synchronize(settings.location());
    log.info(
        "Directory loaded from {}: {} directory change(s), {} Camunda identity change(s)",
        settings.location().getDescription(),
        report.directoryChanges(),
        report.identityChanges());
  }

  /** Reads the file and applies it in one transaction. */
  public SyncReport synchronize(Resource location) {
    Organization organization = read(location);
    try {
      return transaction.execute(status -> apply(organization));
    } finally {
      // after the commit (or the rollback): the next read sees the tables as they now are
      cache.forget();
    }
  }

  private static Organization read(Resource location) {
    String name =
        location.getFilename() == null ? location.getDescription() : displayName(location);
    if (!location.exists()) {
      throw new OrganizationFileException(
          name + ": not found; set govflow.directory.location to the organisation file");
    }
    try (InputStream in = location.getInputStream()) {
      return new OrganizationFileReader().read(name, in.readAllBytes());
    } catch (IOException e) {
      throw new OrganizationFileException(name + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String displayName(Resource location) {
    try {
      return location.isFile() ? location.getFile().getPath() : location.getFilename();
    } catch (IOException e) {
      return location.getFilename();
    }
  }

  private SyncReport apply(Organization org) {
    repository.lockForSync();
    int changes = 0;

    Map<String, DirectoryRepository.StoredBody> storedBodies =
        index(repository.storedBodies(), b -> b.body().id());
    for (Body body : org.bodies()) {
      DirectoryRepository.StoredBody stored = storedBodies.get(body.id());
      if (stored == null) {
        repository.insert(body);
        changes++;
      } else if (!stored.active() || !stored.body().equals(body)) {
        repository.update(body);
        changes++;
      }
    }
    Set<String> bodyIds = org.bodies().stream().map(Body::id).collect(Collectors.toSet());

    Map<String, DirectoryRepository.StoredPerson> storedPeople =
        index(repository.storedPeople(), p -> p.person().id());
    for (Person person : org.people()) {
      DirectoryRepository.StoredPerson stored = storedPeople.get(person.id());
      String hash = org.passwordHashes().get(person.id());
      if (stored == null) {
        repository.insert(person, hash);
        changes++;
      } else if (!stored.active()
          || !stored.person().equals(person)
          || !Objects.equals(stored.passwordHash(), hash)) {
        repository.update(person, hash);
        changes++;
      }
    }
    Set<String> personIds = org.people().stream().map(Person::id).collect(Collectors.toSet());

    Map<String, Membership> storedSeats =
        index(repository.storedMemberships(), m -> m.bodyId() + "/" + m.personId());
    Map<String, Membership> wantedSeats =
        index(org.memberships(), m -> m.bodyId() + "/" + m.personId());
    for (Membership seat : org.memberships()) {
      Membership stored = storedSeats.get(seat.bodyId() + "/" + seat.personId());
      if (stored == null) {
        repository.insert(seat);
        changes++;
      } else if (stored.role() != seat.role()) {
        repository.update(seat);
        changes++;
      }
    }
    for (Map.Entry<String, Membership> stored : storedSeats.entrySet()) {
      if (!wantedSeats.containsKey(stored.getKey())) {
        repository.delete(stored.getValue());
        changes++;
      }
    }

    for (DirectoryRepository.StoredBody stored : storedBodies.values()) {
      if (stored.active() && !bodyIds.contains(stored.body().id())) {
        repository.deactivateBody(stored.body().id());
        changes++;
      }
    }
    for (DirectoryRepository.StoredPerson stored : storedPeople.values()) {
      if (stored.active() && !personIds.contains(stored.person().id())) {
        repository.deactivatePerson(stored.person().id());
        changes++;
      }
    }
    if (changes > 0) {
      repository.markSynced();
    }
    return new SyncReport(changes, mirror(org));
  }

  /** Camunda's identity tables, in the same transaction: groups named in English. */
  private int mirror(Organization org) {
    Map<String, Set<String>> members = new HashMap<>();
    org.memberships()
        .forEach(m -> members.computeIfAbsent(m.bodyId(), k -> new HashSet<>()).add(m.personId()));
    return mirror.mirror(
        org.bodies().stream().map(b -> new IdentityMirror.Body(b.id(), b.name().en())).toList(),
        org.people().stream()
            .map(p -> new IdentityMirror.Person(p.id(), p.name(), p.email(), p.admin()))
            .toList(),
        members);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> map = new HashMap<>();
    items.forEach(item -> map.put(key.apply(item), item));
    return map;
  }
}
