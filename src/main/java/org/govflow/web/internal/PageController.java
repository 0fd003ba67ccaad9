package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.Locale;
import org.govflow.directory.Directory;
import org.govflow.directory.DirectorySettings;
import org.govflow.directory.Person;
import org.govflow.web.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page a person lands on. */
@Controller
class PageController {

  private final Directory directory;
  private final boolean demo;

  private final String oidcRegistration;

  /** Where a failed OpenID Connect login lands; the page says why. */
  static final String OIDC_FAILURE_URL = "/login?refused";

  PageController(
      Directory directory,
      DirectorySettings settings,
      ObjectProvider<ClientRegistrationRepository> oidcClients) {
    this.directory = directory;
    this.demo = settings.demoPassword() != null && !settings.demoPassword().isBlank();
    this.oidcRegistration =
        oidcClients.getIfAvailable() instanceof Iterable<?> registrations
                && registrations.iterator().hasNext()
                && registrations.iterator().next() instanceof ClientRegistration first
            ? first.getRegistrationId()
            : null;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request) {
    model.addAttribute("demo", demo);
    model.addAttribute("oidc", oidcRegistration);
    if (request.getParameter("refused") != null) {
      // whom the provider vouched for but the directory does not know (DirectoryOidcUserService)
      HttpSession session = request.getSession(false);
      if (session != null
          && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
              instanceof OidcPeople.UnknownPersonException unknown) {
        model.addAttribute("oidcRefused", unknown.login());
      }
    }
    return "login";
  }

  @GetMapping("/")
  String home(Caller user, Model model, Locale locale) {
    Person person = directory.person(user.personId()).orElse(null);
    model.addAttribute("person", person);
    model.addAttribute(
        "now",
        java.time.ZonedDateTime.now(person == null ? java.time.ZoneOffset.UTC : person.timeZone()));
    model.addAttribute(
        "seats",
        directory.membershipsOf(user.personId()).stream()
            .map(
                s ->
                    new Seat(
                        directory.body(s.bodyId()).map(b -> b.name().in(locale)).orElse(s.bodyId()),
                        s.role().key()))
            .sorted(Comparator.comparing(Seat::body))
            .toList());
    return "home";
  }

  record Seat(String body, String role) {}
}
