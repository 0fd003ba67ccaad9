package org.govflow.workplan.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govflow.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The implementation report in its readers' languages: the English record is what is hashed and
 * stays as compiled; a French and a Spanish reader see the same figures with their headings,
 * statuses, period, dates (in their time zone) and body names, on the page and in the PDF.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class ImplementationReportLanguagesTests {

  private static final int YEAR = 2031;
  private static final String PERIOD = "2031-Q1";
  private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
  private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  @Autowired WorkPlanImports imports;
  @Autowired WorkPlanOwners owners;
  @Autowired ReportCycle cycle;
  @Autowired ReportRepository reports;
  @Autowired Implementations implementations;

  @Test
  void theRecordIsEnglishAndEachReaderReadsTheirLanguage() throws IOException {
    imports.importPlan(YEAR, "plan-2022.txt", seed(), "officer");
    owners.assign(YEAR, "2.1.1-B1", "section-africa", "ibrahima.sarr", "officer");
    owners.assign(YEAR, "2.1.1-B2", "section-africa", "ibrahima.sarr", "officer");
    cycle.open(YEAR, PERIOD, null);
    cycle.submitted(
        YEAR,
        PERIOD,
        "section-africa",
        "ibrahima.sarr",
        List.of(
            new ReportLine("2.1.1-B1", 10, null, 40, "Contacts", "https://example.org/a"),
            new ReportLine("2.1.1-B2", 30, null, 0, "Workshop", null)));
    cycle.validated(
        YEAR,
        PERIOD,
        "section-africa",
        "officer",
        Map.of("2.1.1-B1", "late", "2.1.1-B2", "at-risk"));
    String sha = cycle.compile(YEAR, PERIOD, null);
    var stored = reports.implementation(owners.plan(YEAR).id(), PERIOD).orElseThrow();

    // the record: English, hashed, served as compiled
    var record = implementations.view(YEAR, PERIOD);
    assertThat(record.html()).isEqualTo(stored.html());
    assertThat(WorkPlanImports.sha256(record.html())).isEqualTo(sha);
    assertThat(record.html())
        .contains("Work plan 2031: implementation report Q1 2031")
        .contains("Actions late or at risk")
        .contains("<td data-label=\"Status\">Late</td>")
        .contains("United Cities and Local Governments of Africa")
        .doesNotContain("En retard");
    // a later change of figures does not change the compiled report a reader sees
    cycle.validated(YEAR, PERIOD, "section-africa", "officer", Map.of("2.1.1-B1", "done"));

    var french = implementations.read(YEAR, PERIOD, Locale.FRENCH, CASABLANCA);
    assertThat(french.title()).isEqualTo("Plan de travail 2031 : rapport de mise en œuvre T1 2031");
    assertThat(french.body())
        .contains("Avancement par chapitre et section")
        .contains("Actions en retard ou à risque")
        .contains("<td data-label=\"État\">En retard</td>")
        .contains("<td data-label=\"État\">À risque</td>")
        .contains("Cités et Gouvernements Locaux Unis")
        .contains("Établi le " + when(stored.compiledAt(), Locale.FRENCH, CASABLANCA))
        .contains("(Africa/Casablanca)")
        .contains("En attente de la prise d’acte : Bureau exécutif")
        .contains("La version anglaise fait foi : son SHA-256 est " + sha)
        .doesNotContain("Late")
        .doesNotContain("Terminée");

    var spanish = implementations.read(YEAR, PERIOD, SPANISH, MEXICO);
    assertThat(spanish.title())
        .isEqualTo("Plan de trabajo 2031: informe de implementación T1 2031");
    assertThat(spanish.body())
        .contains("Avance por capítulo y sección")
        .contains("Acciones con retraso o en riesgo")
        .contains("<td data-label=\"Estado\">Con retraso</td>")
        .contains("<td data-label=\"Estado\">En riesgo</td>")
        .contains("Elaborado el " + when(stored.compiledAt(), SPANISH, MEXICO))
        .contains("(America/Mexico_City)")
        .contains("Pendiente de la toma de conocimiento: Bureau Ejecutivo")
        .contains("La versión en inglés es la que da fe: su SHA-256 es " + sha);

    // the PDF: the reader's copy, which PDFBox reads back
    assertThat(pdfText(implementations.pdf(YEAR, PERIOD, Locale.FRENCH, CASABLANCA)))
        .contains("Plan de travail 2031 : rapport de mise en œuvre T1 2031")
        .contains("En retard")
        .contains("À risque")
        .contains(sha);
    assertThat(pdfText(implementations.pdf(YEAR, PERIOD, SPANISH, MEXICO)))
        .contains("Plan de trabajo 2031: informe de implementación T1 2031")
        .contains("Con retraso")
        .contains("Acciones con retraso o en riesgo");

    // the plan's page lists the compiled report by its period in the reader's language
    assertThat(implementations.compiled(YEAR, Locale.FRENCH))
        .singleElement()
        .satisfies(c -> assertThat(c.label()).isEqualTo("T1 2031"));
  }

  static String pdfText(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, UTF_8)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", " ");
    }
  }

  private static String when(java.time.Instant at, Locale locale, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(zone)
        .format(at);
  }

  private static byte[] seed() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../shared/seed"))) {
      return Files.readAllBytes(
          files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow());
    }
  }
}
