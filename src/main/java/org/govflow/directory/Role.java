package org.govflow.directory;

import java.util.Arrays;
import java.util.Optional;

/** A person's role within one body. */
public enum Role {
  PRESIDENT("president"),
  CO_PRESIDENT("co-president"),
  TREASURER("treasurer"),
  SECRETARY_GENERAL("secretary-general"),
  OFFICER("officer"),
  LEGAL_OFFICER("legal-officer"),
  CHAIR("chair"),
  CO_CHAIR("co-chair"),
  MEMBER("member"),
  FOCAL_POINT("focal-point");

  private final String key;

  Role(String key) {
    this.key = key;
  }

  /** The name used in organization.yml and in the API. */
  public String key() {
    return key;
  }

  public static Optional<Role> fromKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }
}
