package org.govflow.webhooks.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's webhooks page: the endpoints with their latest deliveries, a form to register one
 * (the secret shown once), and removal.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WebhookPages {

  static final int LOG = 20;

  private final Webhooks webhooks;
  private final Directory directory;
  private final MessageSource messages;

  record EndpointRow(WebhookOutbox.Endpoint endpoint, List<WebhookOutbox.Delivery> deliveries) {}

  @GetMapping("/operator/webhooks")
  String page(Caller caller, Model model) {
    ZoneId zone = directory.person(caller.personId()).map(Person::timeZone).orElse(ZoneOffset.UTC);
    model.addAttribute("zone", zone);
    model.addAttribute("kinds", Webhooks.kinds());
    model.addAttribute(
        "endpoints",
        webhooks.endpoints().stream()
            .filter(WebhookOutbox.Endpoint::active)
            .map(e -> new EndpointRow(e, webhooks.log(e.id(), LOG)))
            .toList());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "webhooks/operator";
  }

  @PostMapping("/operator/webhooks")
  String register(
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String secret,
      @RequestParam(required = false) List<String> events,
      Caller caller,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    try {
      Webhooks.Registered registered =
          webhooks.register(url, secret, events == null ? List.of() : events, caller.personId());
      // the session is stored in the database: plain strings only
      redirect.addFlashAttribute("registeredUrl", registered.url());
      redirect.addFlashAttribute("registeredSecret", registered.secret());
      return "redirect:/operator/webhooks";
    } catch (Refusal refusal) {
      Map<String, String> errors = new LinkedHashMap<>();
      refusal
          .errors()
          .forEach(
              e ->
                  errors.put(
                      e.field(), messages.getMessage(e.message(), null, e.message(), locale)));
      model.addAttribute("errors", errors);
      model.addAttribute("url", url);
      model.addAttribute("chosen", events == null ? List.of() : events);
      return page(caller, model);
    }
  }

  @PostMapping("/operator/webhooks/{id}/remove")
  String remove(@PathVariable String id) {
    webhooks.remove(id);
    return "redirect:/operator/webhooks";
  }
}
