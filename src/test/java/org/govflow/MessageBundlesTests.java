package org.govflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads is in English, French and Spanish: each key of a base bundle has a
 * non-blank French and Spanish value (a missing one would fall back to English unnoticed).
 */
class MessageBundlesTests {

  private static final Path RESOURCES = Path.of("src/main/resources");

  @Test
  void everyKeyIsTranslatedIntoFrenchAndSpanish() throws IOException {
    List<String> gaps = new ArrayList<>();
    for (Path base : bases()) {
      Properties english = load(base);
      for (String language : List.of("fr", "es")) {
        Path translated =
            base.resolveSibling(
                base.getFileName()
                    .toString()
                    .replace(".properties", "_" + language + ".properties"));
        Properties other = Files.exists(translated) ? load(translated) : new Properties();
        for (String key : english.stringPropertyNames()) {
          String value = other.getProperty(key);
          if (value == null || value.isBlank()) {
            gaps.add(RESOURCES.relativize(translated) + ": " + key);
          }
        }
      }
    }
    assertThat(gaps).isEmpty();
  }

  @Test
  void everyOutcomeTheRegisterShowsHasALabel() throws IOException {
    Properties decisions = load(RESOURCES.resolve("i18n/decisions.properties"));
    // the outcomes the modules record in code (the register refuses any other without a label)
    assertThat(decisions.stringPropertyNames())
        .contains(
            "decisions.outcome.amendments-disposed",
            "decisions.outcome.renew",
            "decisions.outcome.lapse",
            "decisions.outcome.renewed-tacitly",
            "decisions.outcome.approve",
            "decisions.outcome.return",
            "decisions.outcome.signed",
            "decisions.outcome.noted",
            "decisions.outcome.approved",
            "decisions.outcome.returned");
  }

  private static List<Path> bases() throws IOException {
    List<Path> bases = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
    try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
      files
          .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
          .filter(p -> p.getFileName().toString().endsWith(".properties"))
          .sorted()
          .forEach(bases::add);
    }
    return bases;
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
