package org.govflow.recommendations.internal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A status kept as an enum and written as its code (lower case, words joined by '-'): in the
 * tables, the API, the forms and the message keys, e.g. {@code not-accepted}.
 */
public interface Coded {

  String name();

  @JsonValue
  default String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant with this code, if there is one. */
  static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
  }

  /** The constant with this code, as stored; null for null. */
  static <E extends Enum<E> & Coded> E stored(Class<E> type, String code) {
    return code == null
        ? null
        : of(type, code).orElseThrow(() -> new IllegalStateException("Not a code: " + code));
  }
}
