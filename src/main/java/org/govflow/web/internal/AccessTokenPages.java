package org.govflow.web.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.govflow.directory.Directory;
import org.govflow.directory.Person;
import org.govflow.web.Caller;
import org.govflow.web.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's access tokens page: create one (shown once, on the page that answers the creation,
 * never kept in the session), see the names and dates of the others, revoke any.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessTokenPages {

  private static final java.util.regex.Pattern PRINTABLE =
      java.util.regex.Pattern.compile("[^\\p{Cc}\\p{Cf}]*");

  private final AccessTokens tokens;
  private final Directory directory;

  @GetMapping("/me/tokens")
  String page(Caller caller, Model model) {
    return show(caller, model);
  }

  @PostMapping("/me/tokens")
  String create(Caller caller, @RequestParam(defaultValue = "") String name, Model model) {
    String clean = name.strip();
    if (clean.isEmpty() || clean.length() > 100 || !PRINTABLE.matcher(clean).matches()) {
      model.addAttribute("nameError", "security.tokens.page.nameInvalid");
      model.addAttribute("name", name.length() > 100 ? name.substring(0, 100) : name);
      return show(caller, model);
    }
    try {
      model.addAttribute("created", AccessTokenController.create(tokens, caller, clean));
    } catch (Refusal tooMany) {
      model.addAttribute("nameError", "security.tokens.page.tooMany");
    }
    return show(caller, model);
  }

  @PostMapping("/me/tokens/{id}/revoke")
  String revoke(Caller caller, @PathVariable String id) {
    tokens.revoke(caller.personId(), id);
    return "redirect:/me/tokens";
  }

  private String show(Caller caller, Model model) {
    ZoneId zone = directory.person(caller.personId()).map(Person::timeZone).orElse(ZoneOffset.UTC);
    model.addAttribute("zone", zone);
    model.addAttribute("tokens", tokens.of(caller.personId()));
    return "access-tokens";
  }
}
