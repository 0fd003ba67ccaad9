package org.govflow.directory;

import java.util.Optional;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/** The kinds of body the network's statutes know. */
@RequiredArgsConstructor
@Accessors(fluent = true)
public enum BodyType implements Keyed {
  PRESIDENCY("presidency"),
  SECRETARIAT("secretariat"),
  STATUTORY("statutory"),
  POLICY_COUNCIL("policy-council"),
  SECTION("section"),
  COMMITTEE("committee"),
  PARTNER("partner");

  /** The name used in organization.yml and in the API. */
  @Getter private final String key;

  public static Optional<BodyType> fromKey(String key) {
    return Keyed.find(values(), key);
  }
}
