package org.govflow.directory;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of body the network's statutes know. */
public enum BodyType {
  PRESIDENCY("presidency"),
  SECRETARIAT("secretariat"),
  STATUTORY("statutory"),
  POLICY_COUNCIL("policy-council"),
  SECTION("section"),
  COMMITTEE("committee"),
  PARTNER("partner");

  private final String key;

  BodyType(String key) {
    this.key = key;
  }

  /** The name used in organization.yml and in the API. */
  public String key() {
    return key;
  }

  public static Optional<BodyType> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
