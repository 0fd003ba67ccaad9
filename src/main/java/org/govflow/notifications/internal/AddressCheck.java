package org.govflow.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reports, as soon as the application is up with its directory loaded, every e-mail address the
 * mail library would refuse: the directory's own check at load catches typos, this one uses the
 * very parser the sender uses, so an address is reported at start-up rather than when a message to
 * it fails.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AddressCheck {

  private static final Logger log = LoggerFactory.getLogger(AddressCheck.class);

  private final Directory directory;

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    for (Person person : directory.people()) {
      problem(person.email())
          .ifPresent(
              problem ->
                  log.warn(
                      "Directory: {} has the e-mail address '{}', which cannot receive mail ({});"
                          + " fix it in the organisation file",
                      person.id(),
                      person.email(),
                      problem));
    }
  }

  /** Why mail cannot be sent to this address, if it cannot. */
  static Optional<String> problem(String email) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(email, true);
      if (parsed.length != 1) {
        return Optional.of("it is " + parsed.length + " addresses, not one");
      }
      parsed[0].validate();
      if (parsed[0].getPersonal() != null || !parsed[0].getAddress().equals(email.strip())) {
        return Optional.of("it is not a bare address");
      }
      return Optional.empty();
    } catch (AddressException e) {
      return Optional.of(e.getMessage());
    }
  }
}
