package org.govflow.decisions.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.govflow.decisions.DecisionFilter;
import org.govflow.decisions.DecisionRegister;
import org.govflow.decisions.DecisionSettings;
import org.govflow.decisions.DecisionViewer;
import org.govflow.directory.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The published decisions for everyone, when the installation switches the page on. */
@Controller
class PublicDecisionsController {

  private static final DecisionViewer PUBLIC = new DecisionViewer(Set.of(), false);

  private final DecisionRegister register;
  private final Directory directory;
  private final DecisionSettings settings;

  PublicDecisionsController(
      DecisionRegister register, Directory directory, DecisionSettings settings) {
    this.register = register;
    this.directory = directory;
    this.settings = settings;
  }

  @GetMapping("/public/decisions")
  String published(Locale locale, TimeZone zone, Model model) {
    if (!settings.publicPage()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<DecisionView> decisions =
        register.list(DecisionFilter.all(), PUBLIC, 500).stream()
            .filter(d -> d.correctedBy() == null)
            .map(d -> DecisionView.of(d, directory, locale))
            .toList();
    model.addAttribute("decisions", decisions);
    model.addAttribute("zone", zone.toZoneId());
    return "decisions/public";
  }
}
