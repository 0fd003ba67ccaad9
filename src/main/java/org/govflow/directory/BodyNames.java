package org.govflow.directory;

import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Bodies by name in the reader's language, for templates: {@code ${@bodyNames.of(id, #locale)}}
 * wherever a page would otherwise show a body's id.
 */
@Component("bodyNames")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BodyNames {

  private final Directory directory;

  /** The body's name, or the id when there is no such body; null for null. */
  public String of(String bodyId, Locale locale) {
    if (bodyId == null) {
      return null;
    }
    return directory.body(bodyId).map(b -> b.name().in(locale)).orElse(bodyId);
  }
}
