package org.govflow.directory;

import java.util.Locale;

/** A text in the network's three working languages. */
public record LocalizedText(String en, String fr, String es) {

  /** The text in the reader's language, English where the language is not one of the three. */
  public String in(Locale locale) {
    return switch (locale == null ? "en" : locale.getLanguage()) {
      case "fr" -> fr;
      case "es" -> es;
      default -> en;
    };
  }
}
