package org.govflow.directory;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * People by name for templates: {@code ${@personNames.of(id)}} wherever a page would otherwise show
 * a login id (votes, records, attendance). An id the directory does not know is shown as it is: it
 * is all there is to show.
 */
@Component("personNames")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonNames {

  private final Directory directory;

  /** The person's name, or the id when nobody has it; null for null. */
  public String of(String personId) {
    if (personId == null) {
      return null;
    }
    return directory.person(personId).map(Person::name).orElse(personId);
  }
}
