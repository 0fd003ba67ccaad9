package org.govflow.directory;

import java.util.Optional;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/** A person's role within one body. */
@RequiredArgsConstructor
@Accessors(fluent = true)
public enum Role implements Keyed {
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

  /** The name used in organization.yml and in the API. */
  @Getter private final String key;

  public static Optional<Role> fromKey(String key) {
    return Keyed.find(values(), key);
  }
}
