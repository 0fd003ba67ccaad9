package org.govflow.web;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Names of time zones and languages in the reader's language, never their codes: "Madrid – heure
 * d’Europe centrale" for Europe/Madrid, "espagnol" for es. Also {@code ${@localNames...}} in
 * templates.
 */
@org.springframework.stereotype.Component("localNames")
public class LocalNames {

  /** A time zone as a person reads it: its city, then the zone's name in their language. */
  public static String zone(ZoneId zone, Locale locale) {
    String id = zone.getId();
    String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    String name = zone.getDisplayName(TextStyle.FULL, locale);
    return id.contains("/") ? city + " – " + name : name;
  }

  /** A language code (en, fr, es) as its name in the reader's language. */
  public static String language(String code, Locale locale) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return Locale.forLanguageTag(code.trim()).getDisplayLanguage(locale);
  }

  public String zoneName(ZoneId zone, Locale locale) {
    return zone(zone, locale);
  }

  public String languageName(String code, Locale locale) {
    return language(code, locale);
  }
}
