package org.govflow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.govflow.declaration.internal.DeclarationRepository.StoredVersion;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.web.Refusal;
import org.govflow.workflow.Participant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The declaration's text on PostgreSQL (the module's own tables, migrated by Flyway): who may file,
 * change and dispose of what and when, and that every refusal leaves the tables as they were.
 */
class DeclarationTextsTests {

  private static final String DRAFT =
      """
      # Test declaration

      1. We gather in Daejeon.
      2. Cities make the future.
      3. We act together.
      """;

  private static final Participant AFRICA =
      new Participant("ibrahima.sarr", Set.of("section-africa"), false);
  private static final Participant EUROPE =
      new Participant("someone.europe", Set.of("section-europe"), false);
  private static final Participant OFFICER =
      new Participant("officer", Set.of("secretariat"), true);

  private static JdbcTemplate jdbc;
  private static DeclarationTexts texts;

  @BeforeAll
  static void database() {
    DriverManagerDataSource data =
        new DriverManagerDataSource(
            PostgresTestDatabase.url("declaration"),
            PostgresTestDatabase.user(),
            PostgresTestDatabase.password());
    Flyway.configure().dataSource(data).load().migrate();
    jdbc = new JdbcTemplate(data);
    texts = new DeclarationTexts(new DeclarationRepository(jdbc));
  }

  private static String launch(String key) {
    String pi = "pi-" + key;
    texts.launch(
        pi, key, "Test", "en", 2, List.of("section-africa", "section-europe"), DRAFT, "officer");
    return pi;
  }

  @Test
  void aRoundOfAmendmentsGivesTheNextVersion() {
    String pi = launch("DECL-T-1");
    assertThat(texts.current(pi).number()).isEqualTo(1);
    texts.openRound(pi, 1, Instant.parse("2030-01-10T00:00:00Z"));
    long modify =
        texts.file(
            pi, AFRICA, "section-africa", "modify", "p2", "Cities shape the future.", "clearer");
    long insert =
        texts.file(pi, AFRICA, "section-africa", "insert-after", "p3", "We meet again.", "");
    long withdrawn = texts.file(pi, AFRICA, "section-africa", "delete", "p1", null, "");
    texts.withdraw(pi, AFRICA, withdrawn);
    texts.edit(pi, AFRICA, insert, "insert-after", "p3", "We shall meet again.", "follow-up");
    texts.answered(pi, "section-africa", "ibrahima.sarr");
    assertThat(texts.closeRound(pi)).containsExactly("section-europe");

    assertThat(texts.round(pi).undisposed()).containsExactly(modify, insert);
    assertRefused(() -> texts.buildNext(pi, "officer"), Refusal.Reason.CONFLICT, "undisposed");
    texts.dispose(pi, OFFICER, modify, "accepted-as-modified", "Cities shape our future.", "our");
    texts.dispose(pi, OFFICER, insert, "accepted", null, "agreed");
    StoredVersion v2 = texts.buildNext(pi, "officer");
    assertThat(v2.number()).isEqualTo(2);
    assertThat(v2.text().paragraphs())
        .extracting(Paragraph::number, Paragraph::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "We gather in Daejeon."),
            org.assertj.core.groups.Tuple.tuple("2", "Cities shape our future."),
            org.assertj.core.groups.Tuple.tuple("3", "We act together."),
            org.assertj.core.groups.Tuple.tuple("3bis", "We shall meet again."));
    assertThat(texts.current(pi).text().sha256()).isEqualTo(v2.text().sha256());

    TextVersion fr =
        texts.translate(
            pi,
            "fr",
            "1. Nous nous réunissons.\n2. Les villes façonnent notre avenir.\n3. Agir ensemble.\n3bis. Nous nous reverrons.",
            "officer");
    assertThat(fr.ids()).isEqualTo(v2.text().ids());
    assertRefused(
        () -> texts.translate(pi, "es", "1. Uno.\n2. Dos.\n3. Tres.", "officer"),
        Refusal.Reason.INVALID,
        "missing");
  }

  @Test
  void refusalsSayWhatToFixAndChangeNothing() {
    String pi = launch("DECL-T-2");
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-africa", "modify", "p1", "x", ""),
        Refusal.Reason.CONFLICT,
        "roundClosed");
    texts.openRound(pi, 1, Instant.parse("2030-01-10T00:00:00Z"));
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-europe", "modify", "p1", "x", ""),
        Refusal.Reason.FORBIDDEN,
        "otherGroup");
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-asia", "modify", "p1", "x", ""),
        Refusal.Reason.INVALID,
        "notContributor");
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-africa", "modify", "p7", "x", ""),
        Refusal.Reason.INVALID,
        "paragraphUnknown");
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-africa", "rewrite", "p1", "x", ""),
        Refusal.Reason.INVALID,
        "kindUnknown");
    assertRefused(
        () -> texts.file(pi, AFRICA, "section-africa", "modify", "p1", "  ", ""),
        Refusal.Reason.INVALID,
        "textRequired");
    long a = texts.file(pi, AFRICA, "section-africa", "modify", "p1", "We meet in Daejeon.", "");
    long b = texts.file(pi, EUROPE, "section-europe", "delete", "p1", "", "");
    assertRefused(() -> texts.withdraw(pi, EUROPE, a), Refusal.Reason.FORBIDDEN, "otherGroup");
    assertRefused(
        () -> texts.dispose(pi, OFFICER, a, "accepted", null, "ok"),
        Refusal.Reason.CONFLICT,
        "notNow");
    texts.closeRound(pi);
    assertRefused(() -> texts.withdraw(pi, AFRICA, a), Refusal.Reason.CONFLICT, "roundClosed");
    assertRefused(
        () -> texts.dispose(pi, AFRICA, a, "accepted", null, "ok"),
        Refusal.Reason.FORBIDDEN,
        "notCommittee");
    texts.dispose(pi, OFFICER, a, "accepted", null, "ok");
    assertRefused(
        () -> texts.dispose(pi, OFFICER, a, "rejected", null, "no"),
        Refusal.Reason.CONFLICT,
        "already");
    texts.dispose(pi, OFFICER, b, "accepted", null, "ok");
    assertThat(texts.round(pi).unresolved()).containsExactly("p1");
    assertRefused(() -> texts.buildNext(pi, "officer"), Refusal.Reason.CONFLICT, "conflicts");
    assertRefused(
        () -> texts.resolve(pi, OFFICER, "p2", "x", "why"), Refusal.Reason.INVALID, "noConflict");
    texts.resolve(pi, OFFICER, "p1", "We meet in Daejeon, Korea.", "merged");
    assertThat(texts.round(pi).complete()).isTrue();
    assertThat(texts.buildNext(pi, "officer").text().paragraph("p1").orElseThrow().text())
        .isEqualTo("We meet in Daejeon, Korea.");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from declaration_amendment where process_instance_id = ?",
                Integer.class,
                pi))
        .isEqualTo(2);
  }

  private static void assertRefused(Runnable action, Refusal.Reason reason, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.messageKey()).endsWith("." + code);
            });
  }
}
