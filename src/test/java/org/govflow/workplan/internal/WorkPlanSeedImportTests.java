package org.govflow.workplan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The organisation's real 2022 work plan (../shared/seed/, in Spanish) read by the importer: every
 * chapter, section and action, counted by hand from the document section by section.
 *
 * <p>Counting rules, as the document is written: a top-level bullet line is one action (a "- - "
 * bullet is one action too); the three indented bullets under 3.2.5's second action ("Mejorar la
 * plataforma en línea de GOLD ... con:") are the parts of that action and stay in its text; actions
 * repeated word for word under two headings (4.4) are two actions.
 */
class WorkPlanSeedImportTests {

  private static byte[] seed;
  private static ParsedWorkPlan plan;

  @BeforeAll
  static void read() throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(Path.of("../shared/seed"))) {
      file = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
    }
    seed = Files.readAllBytes(file);
    plan = WorkPlanReader.read(file.getFileName().toString(), seed);
  }

  /** Section number: basic, reinforced, partner-reinforced actions, counted in the document. */
  private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();

  static {
    put("1", 0, 0, 0);
    put("1.1", 6, 0, 0);
    put("2", 0, 0, 0);
    put("2.1", 0, 0, 0);
    put("2.1.1", 10, 8, 3);
    put("2.1.2", 1, 4, 0);
    put("2.1.3", 12, 2, 0);
    put("2.1.4", 6, 0, 0);
    put("2.2", 0, 0, 0);
    put("2.2.1", 5, 2, 5);
    put("2.2.2", 0, 0, 0);
    put("2.2.2.1", 10, 0, 5);
    put("2.2.2.2", 5, 15, 0);
    put("2.2.2.3", 1, 14, 1);
    put("2.2.2.4", 3, 6, 0);
    put("2.2.2.5", 1, 2, 0);
    put("2.2.2.6", 6, 0, 0);
    put("2.2.2.7", 2, 8, 0);
    put("2.2.2.8", 3, 0, 0);
    put("2.2.2.9", 4, 0, 0);
    put("2.3", 0, 0, 0);
    put("2.3.1", 4, 2, 0);
    put("2.3.2", 5, 0, 0);
    put("3", 0, 0, 0);
    put("3.1", 3, 1, 0);
    put("3.2", 0, 0, 0);
    put("3.2.1", 2, 4, 0);
    put("3.2.2", 1, 2, 0);
    put("3.2.3", 3, 5, 0);
    put("3.2.4", 2, 5, 0);
    put("3.2.5", 0, 0, 2);
    put("4", 0, 0, 0);
    put("4.1", 10, 3, 6);
    put("4.2", 6, 2, 0);
    put("4.3", 12, 6, 0);
    put("4.4", 4, 4, 0);
    put("5", 0, 0, 0);
    put("5.1", 3, 0, 0);
    put("5.2", 4, 0, 0);
    put("5.3", 4, 0, 0);
    put("5.4", 4, 5, 1);
    put("5.5", 5, 4, 0);
    put("5.6", 5, 3, 2);
    put("5.7", 5, 6, 0);
    put("5.8", 0, 6, 0);
    put("5.9", 2, 0, 0);
  }

  private static void put(String section, int basic, int reinforced, int partner) {
    COUNTS.put(section, new int[] {basic, reinforced, partner});
  }

  @Test
  void everyChapterAndSectionInOrder() {
    assertThat(plan.title()).isEqualTo("PLAN DE TRABAJO PARA 2022");
    assertThat(plan.sections())
        .extracting(PlanSection::number)
        .containsExactlyElementsOf(COUNTS.keySet());
    assertThat(plan.chapterCount()).isEqualTo(5);
    assertThat(plan.sectionCount()).isEqualTo(41);
    assertThat(plan.sections().stream().filter(PlanSection::chapter).map(PlanSection::title))
        .containsExactly(
            "Implementación – Actuamos",
            "Incidencia y políticas – Nosotros incidimos",
            "Seguimiento y presentación de informes – Nosotros investigamos",
            "Aprendizaje - Nosotros aprendemos",
            "Fortalecer la red, liderazgo y gobernanza – Nosotros nos reunimos, escuchamos,"
                + " comunicamos");
    Map<String, PlanSection> byNumber =
        plan.sections().stream()
            .collect(Collectors.toMap(PlanSection::number, Function.identity()));
    assertThat(byNumber.get("1.1").title())
        .isEqualTo(
            "Apoyo a los miembros para la presentación de sus iniciativas de implementación");
    assertThat(byNumber.get("2.2.2.1").title())
        .isEqualTo("Igualdad de género – Fortaleciendo el movimiento feminista municipalista");
    assertThat(byNumber.get("2.2.2.1").parent()).isEqualTo("2.2.2");
    assertThat(byNumber.get("2.2.2.1").level()).isEqualTo(4);
    assertThat(byNumber.get("2.2.2.5").title()).isEqualTo("Ciudades intermedias");
    assertThat(byNumber.get("3.2.5").title())
        .isEqualTo("Componente de seguimiento del Local4Action HUB");
    assertThat(byNumber.get("5.9").title()).isEqualTo("Movilización de recursos");
    assertThat(byNumber.get("2.1.4").description()).startsWith("2022 marca el año de la revisión");
    assertThat(byNumber.get("1").description()).startsWith("CGLU fomentará");
  }

  @Test
  void everyActionOfEveryKindInEverySection() {
    for (Map.Entry<String, int[]> expected : COUNTS.entrySet()) {
      List<PlanAction> actions = plan.actionsOf(expected.getKey());
      int[] n = expected.getValue();
      assertThat(count(actions, ActionKind.BASIC))
          .as("basic in %s", expected.getKey())
          .isEqualTo(n[0]);
      assertThat(count(actions, ActionKind.REINFORCED))
          .as("reinforced in %s", expected.getKey())
          .isEqualTo(n[1]);
      assertThat(count(actions, ActionKind.PARTNER))
          .as("partner-reinforced in %s", expected.getKey())
          .isEqualTo(n[2]);
    }
    int total = COUNTS.values().stream().mapToInt(n -> n[0] + n[1] + n[2]).sum();
    assertThat(total).isEqualTo(303);
    assertThat(plan.actions()).hasSize(303);
    assertThat(plan.actions().stream().filter(a -> a.kind() == ActionKind.BASIC)).hasSize(159);
    assertThat(plan.actions().stream().filter(a -> a.kind() == ActionKind.REINFORCED)).hasSize(119);
    assertThat(plan.actions().stream().filter(a -> a.kind() == ActionKind.PARTNER)).hasSize(25);
  }

  @Test
  void partnersAreNamedWhereTheHeadingNamesThem() {
    assertThat(plan.actions().stream().filter(a -> a.partner() != null))
        .hasSize(25)
        .allSatisfy(
            a -> {
              assertThat(a.partner()).isEqualTo("S.I.D.A.");
              assertThat(a.kind()).isEqualTo(ActionKind.PARTNER);
            });
  }

  @Test
  void referencesTextsAndEmphasis() {
    Map<String, PlanAction> byRef = byRef(plan);
    assertThat(byRef).hasSize(303);
    assertThat(byRef.get("1.1-B1").text())
        .startsWith("Fomentar el establecimiento de un sistema de programas de cooperación")
        .contains("**intercambio de experiencias sobre cómo alcanzar los ODS");
    assertThat(byRef.get("1.1-B2").text()).isEqualTo("**Establecer Local4Action HUBs.**");
    assertThat(byRef.get("2.1.1-B5").text())
        .startsWith("Desarrollar un acuerdo de colaboración con la FAO");
    assertThat(byRef.get("2.1.1-R8").text())
        .isEqualTo("Desarrollar la participación del colectivo en el proceso Stockholm +50.");
    assertThat(byRef.get("2.1.1-P1").text()).contains("**países menos desarrollados**");
    assertThat(byRef.get("2.1.1-P1").line()).isEqualTo(59);
    assertThat(byRef.get("2.2.2.2-R12").text())
        .contains("*Slum Dwellers International* e *International Habitat for Humanity*");
    // "- - " bullets are one action, without the second dash
    assertThat(byRef.get("2.2.2.7-R7").text())
        .startsWith("Continuar la colaboración con los socios de la campaña #culture2030goal");
    assertThat(byRef.get("2.2.2.7-R8").text()).startsWith("Difundir los informes sobre");
    // the sub-items of 3.2.5-P2 stay in its text, in order
    assertThat(byRef.get("3.2.5-P2").text())
        .startsWith("Mejorar la **plataforma en línea de GOLD**")
        .contains(
            "\n- **Buenas prácticas y experiencias**",
            "\n- Apoyar el **trabajo de investigación",
            "\n- Envío de un boletín a todos los miembros con nuevos elementos y contenidos.");
    // repeated word for word under both headings of 4.4: two actions
    assertThat(byRef.get("4.4-B1").text()).isEqualTo(byRef.get("4.4-R1").text());
    assertThat(byRef.get("5.9-B2").text())
        .isEqualTo(
            "**Seguir desarrollando nuevos partenariados con todas las partes interesadas.**");
    assertThat(WorkPlanText.plain(byRef.get("5.9-B2").text()))
        .isEqualTo("Seguir desarrollando nuevos partenariados con todas las partes interesadas.");
    assertThat(byRef.get("5.8-R1").text())
        .isEqualTo(
            "Desarrollar **mecanismos de seguimiento** para la implementación del Plan de Trabajo y"
                + " de la estrategia.");
    assertThat(plan.actions())
        .allSatisfy(a -> assertThat(a.text()).doesNotStartWith("-").isNotBlank());
  }

  @Test
  void referencesAreStableAcrossTwoImports() {
    ParsedWorkPlan again = WorkPlanReader.read("plan.txt", seed.clone());
    assertThat(again).isEqualTo(plan);
    Map<String, String> first =
        plan.actions().stream().collect(Collectors.toMap(PlanAction::ref, PlanAction::text));
    Map<String, String> second =
        again.actions().stream().collect(Collectors.toMap(PlanAction::ref, PlanAction::text));
    assertThat(second).isEqualTo(first);
  }

  private static long count(List<PlanAction> actions, ActionKind kind) {
    return actions.stream().filter(a -> a.kind() == kind).count();
  }

  static Map<String, PlanAction> byRef(ParsedWorkPlan plan) {
    return plan.actions().stream().collect(Collectors.toMap(PlanAction::ref, Function.identity()));
  }
}
