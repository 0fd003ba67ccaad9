package org.govflow.workflow;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How business keys read: {@code <prefix>-<year>-<number>}, numbered per process and year.
 *
 * @param prefixes process key to prefix; a process not listed gets the initials of its key
 * @param digits the least number of digits of the number ({@code 3}: DOC-2026-001)
 */
@ConfigurationProperties("govflow.workflow.business-keys")
public record BusinessKeySettings(
    @DefaultValue Map<String, String> prefixes, @DefaultValue("3") int digits) {

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "document-approval", "DOC",
          "statutory-meeting", "MTG",
          "policy-recommendation", "REC",
          "declaration-cocreation", "DECL",
          "mou-renewal", "MOU");

  /** The prefix of a process's business keys. */
  public String prefixOf(String processKey) {
    String configured = prefixes == null ? null : prefixes.get(processKey);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String known = DEFAULTS.get(processKey);
    if (known != null) {
      return known;
    }
    StringBuilder initials = new StringBuilder();
    for (String word : processKey.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.isEmpty() ? "P" : initials.toString();
  }
}
