package org.govflow.web.internal;

import java.util.List;
import java.util.Optional;
import org.govflow.directory.Directory;
import org.govflow.directory.DirectorySettings;
import org.govflow.directory.Person;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Form and HTTP Basic login against the directory. A person logs in with their id or e-mail and the
 * encoded password from organization.yml; in the demo profile everyone's password is the demo
 * password, which is never stored.
 */
@Service
class DirectoryUserDetailsService implements UserDetailsService {

  private final Directory directory;
  private final Authorities authorities;
  private final String encodedDemoPassword;

  DirectoryUserDetailsService(
      Directory directory,
      Authorities authorities,
      DirectorySettings settings,
      PasswordEncoder encoder) {
    this.directory = directory;
    this.authorities = authorities;
    this.encodedDemoPassword =
        settings.demoPassword() == null || settings.demoPassword().isBlank()
            ? null
            : encoder.encode(settings.demoPassword());
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String login = username == null ? "" : username.strip();
    Person person =
        directory
            .person(login)
            .or(() -> login.contains("@") ? directory.personByEmail(login) : Optional.empty())
            .orElseThrow(
                () -> new UsernameNotFoundException("No person '" + login + "' in the directory"));
    String password =
        encodedDemoPassword != null
            ? encodedDemoPassword
            : directory.passwordHash(person.id()).orElse(null);
    return User.withUsername(person.id())
        // no password in the file and no demo password: this person can only log in through OIDC
        .password(password == null ? "{noop}" + java.util.UUID.randomUUID() : password)
        .disabled(password == null)
        .authorities(authorities.of(person, List.of()))
        .build();
  }
}
