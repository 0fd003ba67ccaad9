package org.govflow.workplan.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading that says of which kind the following actions are: "ACCIONES BÁSICAS", "ACCIONES
 * REFORZADAS", "ACCIONES REFORZADAS por nuestro partenariado con S.I.D.A.", "... a través de
 * nuestro partenariado con ..."; in English "BASIC ACTIONS", "REINFORCED ACTIONS (through our
 * partnership with X)"; in French "ACTIONS DE BASE", "ACTIONS RENFORCÉES (grâce à notre partenariat
 * avec X)". Case does not matter; a trailing colon and emphasis markers are ignored.
 */
record KindHeading(ActionKind kind, String partner) {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern HEADING =
      Pattern.compile(
          "^(?:(?<basic>acciones\\s+b[aá]sicas|basic\\s+actions|actions\\s+de\\s+base"
              + "|actions\\s+basiques)|(?<reinforced>acciones\\s+reforzadas|reinforced\\s+actions"
              + "|actions\\s+renforc[eé]es))(?![\\p{L}\\p{N}])\\s*(?<rest>.*?)[\\s:]*$",
          FLAGS);
  private static final Pattern PARTNER =
      Pattern.compile(
          "^(?:.*\\s)?(?:partenariado|partnership|partenariat|alianza|asociaci[oó]n|partner)"
              + "\\s+(?:con|with|avec)\\s+(?<partner>\\S.*)$",
          FLAGS);

  /** Thrown for a line that starts like a kind heading but goes on with something else. */
  static final class Malformed extends IllegalArgumentException {
    Malformed(String line) {
      super(line);
    }
  }

  /**
   * The heading on this line; empty if the line is no kind heading.
   *
   * @throws Malformed if it starts with a kind's words but the rest names no partner
   */
  static Optional<KindHeading> read(String line) {
    String text = line.replace("**", "").trim();
    Matcher m = HEADING.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group("rest").trim();
    boolean basic = m.group("basic") != null;
    if (rest.isEmpty()) {
      return Optional.of(new KindHeading(basic ? ActionKind.BASIC : ActionKind.REINFORCED, null));
    }
    Matcher p = PARTNER.matcher(rest);
    if (basic || !p.matches()) {
      throw new Malformed(line);
    }
    return Optional.of(new KindHeading(ActionKind.PARTNER, p.group("partner").trim()));
  }
}
