package org.govflow.directory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govflow.directory.Body;
import org.govflow.directory.DirectorySettings;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;
import org.springframework.stereotype.Component;

/**
 * What this node read of the directory, kept for {@link DirectorySettings#cacheFor()}: every API
 * call with a token and every page reads the caller, their seats and the bodies' types, and every
 * message to a body its members. The directory changes only when a node synchronises the
 * organisation file (at its start): that node forgets at once ({@link #forget()}), the others
 * within the time set. Caffeine, as Spring's cache abstraction uses it, for its expiry and bounded
 * size.
 */
@Component
public class DirectoryCache {

  private static final Object ALL = "all";

  private final DirectoryRepository repository;
  private final Cache<Object, List<Body>> bodies;
  private final Cache<Object, List<Person>> everyone;
  private final Cache<String, Optional<Person>> people;
  private final Cache<String, List<Membership>> seats;
  private final Cache<String, List<Membership>> members;

  DirectoryCache(DirectoryRepository repository, DirectorySettings settings) {
    this.repository = repository;
    Duration ttl = settings.cacheFor() == null ? Duration.ZERO : settings.cacheFor();
    this.bodies = cache(ttl, 1);
    this.everyone = cache(ttl, 1);
    this.people = cache(ttl, 20_000);
    this.seats = cache(ttl, 20_000);
    this.members = cache(ttl, 2_000);
  }

  private static <K, V> Cache<K, V> cache(Duration ttl, long size) {
    return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
  }

  public List<Body> bodies() {
    return bodies.get(ALL, k -> List.copyOf(repository.bodies()));
  }

  public Optional<Body> body(String id) {
    return bodies().stream().filter(b -> b.id().equals(id)).findFirst();
  }

  /** Every active person, by id. */
  public List<Person> people() {
    return everyone.get(ALL, k -> List.copyOf(repository.people()));
  }

  public Optional<Person> person(String id) {
    return people.get(id, repository::person);
  }

  /**
   * The active ones among these people, keyed by id in the order asked, those not kept read in one
   * query.
   */
  public Map<String, Person> people(Collection<String> ids) {
    Map<String, Optional<Person>> found = new HashMap<>(people.getAllPresent(ids));
    Set<String> missing = new LinkedHashSet<>(ids);
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      Map<String, Optional<Person>> read = new HashMap<>();
      missing.forEach(id -> read.put(id, Optional.empty()));
      repository.people(missing).forEach(p -> read.put(p.id(), Optional.of(p)));
      people.putAll(read);
      found.putAll(read);
    }
    Map<String, Person> ordered = new LinkedHashMap<>();
    for (String id : ids) {
      found.get(id).ifPresent(p -> ordered.put(id, p));
    }
    return ordered;
  }

  public List<Membership> membershipsOf(String personId) {
    return seats.get(personId, id -> List.copyOf(repository.membershipsOf(id)));
  }

  public List<Membership> membersOf(String bodyId) {
    return members.get(bodyId, id -> List.copyOf(repository.membersOf(id)));
  }

  /** Reads everything again from the tables: after this node changed them. */
  public void forget() {
    bodies.invalidateAll();
    everyone.invalidateAll();
    people.invalidateAll();
    seats.invalidateAll();
    members.invalidateAll();
  }
}
