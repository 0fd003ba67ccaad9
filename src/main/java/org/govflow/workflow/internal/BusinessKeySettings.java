package org.govflow.workflow.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How business keys read. By default {@code <prefix>-<year>-<number>}, numbered per process and
 * year; a process may have a pattern of its own that names a start value, such as {@code
 * REC-{council}-{year}-{n}} (REC-RTC-2026-003) or {@code {body}-{year}-{n:2}} (WC-2026-02), and is
 * then numbered per resolved prefix and year.
 *
 * @param prefixes process key to prefix; a process not listed gets the initials of its key
 * @param digits the least number of digits of the number ({@code 3}: DOC-2026-001)
 * @param patterns process key to pattern; {@code {year}}, {@code {n}} or {@code {n:2}}, and {@code
 *     {variable}} for a start value, written as its code
 * @param codes value (a body id, say) to the code it takes in a key; a value not listed gets the
 *     initials of its words
 */
@ConfigurationProperties("govflow.workflow.business-keys")
public record BusinessKeySettings(
    @DefaultValue Map<String, String> prefixes,
    @DefaultValue("3") int digits,
    @DefaultValue Map<String, String> patterns,
    @DefaultValue Map<String, String> codes) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

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
    return initials(processKey, "P");
  }

  /**
   * The pattern of a process's keys with its start values put in, leaving {@code {year}} and {@code
   * {n}} (or {@code {n:2}}) for the counter.
   */
  public String templateOf(String processKey, Map<String, ?> variables) {
    String pattern = patterns == null ? null : patterns.get(processKey);
    if (pattern == null || pattern.isBlank()) {
      return prefixOf(processKey) + "-{year}-{n}";
    }
    Matcher placeholder = PLACEHOLDER.matcher(pattern);
    StringBuilder resolved = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      String replacement;
      if (name.equals("year") || name.equals("n")) {
        replacement = placeholder.group();
      } else {
        Object value = variables == null ? null : variables.get(name);
        // a number (a year, say) is written as it is
        replacement =
            value == null
                ? "X"
                : value.toString().matches("\\d+") ? value.toString() : codeOf(value.toString());
      }
      placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(resolved);
    return resolved.toString();
  }

  /** The code a value (a body id, say) takes in a business key. */
  public String codeOf(String value) {
    String configured = codes == null ? null : codes.get(value);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return initials(value, "X");
  }

  private static String initials(String words, String fallback) {
    StringBuilder initials = new StringBuilder();
    for (String word : words.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.isEmpty() ? fallback : initials.toString();
  }
}
