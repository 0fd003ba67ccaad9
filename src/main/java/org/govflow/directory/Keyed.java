package org.govflow.directory;

import java.util.Arrays;
import java.util.Optional;

/** A value of the directory with the name organization.yml and the API use for it. */
interface Keyed {

  /** The name used in organization.yml and in the API. */
  String key();

  static <E extends Keyed> Optional<E> find(E[] values, String key) {
    return Arrays.stream(values).filter(v -> v.key().equals(key)).findFirst();
  }
}
