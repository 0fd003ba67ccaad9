package org.govflow.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.govflow.directory.Directory;
import org.govflow.directory.DirectorySettings;
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
    String wait = request.getParameter("wait");
    if (wait != null) {
      // the throttle's wait in whole minutes (at least one); a forged value only changes the text
      long seconds = wait.matches("\\d{1,6}") ? Long.parseLong(wait) : 60;
      model.addAttribute("waitMinutes", Math.max(1, (seconds + 59) / 60));
    }
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
}
