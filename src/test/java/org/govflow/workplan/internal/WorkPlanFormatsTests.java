package org.govflow.workplan.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** English, French and CSV work plans, and every kind of file that is not a work plan. */
class WorkPlanFormatsTests {

  private static ParsedWorkPlan text(String content) {
    return WorkPlanReader.read("plan.txt", content.getBytes(UTF_8));
  }

  private static ParsedWorkPlan csv(String content) {
    return WorkPlanReader.read("plan.csv", content.getBytes(UTF_8));
  }

  @Test
  void englishHeadings() {
    ParsedWorkPlan plan =
        text(
            """
            WORK PLAN 2027

            1. Implementation – We act

            1.1. Support to members
            Some prose about the section.

            BASIC ACTIONS:
            - Set up **Local4Action HUBs**.
            - Develop learning programmes
              over two lines.

            REINFORCED ACTIONS
            - Organise regular dialogues.

            REINFORCED ACTIONS through our partnership with Sida:
            - Improve the participation of least developed countries.
            """);
    assertThat(plan.title()).isEqualTo("WORK PLAN 2027");
    Map<String, PlanAction> byRef = WorkPlanSeedImportTests.byRef(plan);
    assertThat(byRef).containsOnlyKeys("1.1-B1", "1.1-B2", "1.1-R1", "1.1-P1");
    assertThat(byRef.get("1.1-B1").text()).isEqualTo("Set up **Local4Action HUBs**.");
    assertThat(byRef.get("1.1-B2").text()).isEqualTo("Develop learning programmes over two lines.");
    assertThat(byRef.get("1.1-P1").partner()).isEqualTo("Sida");
    assertThat(plan.sections().get(1).description()).isEqualTo("Some prose about the section.");
  }

  @Test
  void frenchHeadings() {
    ParsedWorkPlan plan =
        text(
            """
            1. Mise en œuvre

            1.1 Appui aux membres

            ACTIONS DE BASE :
            - Créer des **Local4Action HUBs**.

            Actions renforcées
            - Organiser des dialogues.

            ACTIONS RENFORCÉES grâce à notre partenariat avec l'AFD :
            - Former des formateurs.
            """);
    Map<String, PlanAction> byRef = WorkPlanSeedImportTests.byRef(plan);
    assertThat(byRef.get("1.1-B1").kind()).isEqualTo(ActionKind.BASIC);
    assertThat(byRef.get("1.1-R1").kind()).isEqualTo(ActionKind.REINFORCED);
    assertThat(byRef.get("1.1-P1").partner()).isEqualTo("l'AFD");
  }

  @Test
  void csvWithHeaderQuotesSectionsAndOwners() {
    ParsedWorkPlan plan =
        csv(
            """
            section;section title;kind;partner;text;owner body
            1;Implementación – Actuamos;;;;
            1.1;Apoyo a los miembros;B;;"Establecer **Local4Action HUBs**; con socios";secretariat
            1.1;;reinforced;;Organizar diálogos;
            1.1;;R;S.I.D.A.;Mejorar la participación;policy-council-1
            2;Incidencia;;;;
            2.1;Partenariados;ACCIONES BÁSICAS;;Fomentar la implicación;
            """);
    assertThat(plan.chapterCount()).isEqualTo(2);
    assertThat(plan.sectionCount()).isEqualTo(2);
    Map<String, PlanAction> byRef = WorkPlanSeedImportTests.byRef(plan);
    assertThat(byRef).containsOnlyKeys("1.1-B1", "1.1-R1", "1.1-P1", "2.1-B1");
    assertThat(byRef.get("1.1-B1").text())
        .isEqualTo("Establecer **Local4Action HUBs**; con socios");
    assertThat(byRef.get("1.1-B1").ownerBody()).isEqualTo("secretariat");
    assertThat(byRef.get("1.1-R1").ownerBody()).isNull();
    assertThat(byRef.get("1.1-P1").partner()).isEqualTo("S.I.D.A.");
    assertThat(byRef.get("1.1-P1").kind()).isEqualTo(ActionKind.PARTNER);
  }

  @Test
  void csvRefusals() {
    refused(() -> csv("1,Uno,,,,\n1.1,Sección,X,,Texto,\n"), 2, "workplan.import.csv-kind");
    refused(() -> csv("1,Uno,,,,\n1.1,Sección,P,,Texto,\n"), 2, "workplan.import.csv-partner");
    refused(
        () -> csv("1,Uno,,,,\n1.1,Sección,B,FAO,Texto,\n"), 2, "workplan.import.csv-basic-partner");
    refused(() -> csv("1,Uno,,,,\nuno,Sección,B,,Texto,\n"), 2, "workplan.import.csv-section");
    refused(() -> csv("1.1,Sección,B,,Texto,\n"), 1, "workplan.import.orphan-section");
    refused(() -> csv("1,Uno,,,,\n1.1,,B,,Texto,\n"), 2, "workplan.import.section-title");
    refused(() -> csv("1,Uno,,,,\n"), 1, "workplan.import.no-actions");
  }

  @Test
  void emptyAndBinaryFiles() {
    refused(() -> WorkPlanReader.read("plan.txt", new byte[0]), 0, "workplan.import.empty");
    refused(() -> text(" \n\n\t\n"), 0, "workplan.import.empty");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H'};
    refused(() -> WorkPlanReader.read("plan.txt", png), 0, "workplan.import.binary");
    refused(() -> WorkPlanReader.read("plan.csv", png), 0, "workplan.import.binary");
  }

  @Test
  void noNumberedSections() {
    refused(
        () -> text("Una carta\n\nQuerida secretaría,\n\nle escribimos sobre 2022 y más.\n"),
        5,
        "workplan.import.no-section");
  }

  @Test
  void bulletBeforeAnySection() {
    refused(
        () -> text("PLAN\n\n- una acción suelta\n\n1. Capítulo\n"),
        3,
        "workplan.import.bullet-before-section");
  }

  @Test
  void actionWithoutKindHeading() {
    refused(
        () -> text("1. Capítulo\n\n1.1 Sección\n\n- una acción\n"),
        5,
        "workplan.import.action-before-heading");
  }

  @Test
  void sectionWithoutParentAndTwiceTheSameSection() {
    refused(
        () -> text("1. Capítulo\n\n1.1 Sección\n\n2.3 Otra\n"),
        5,
        "workplan.import.orphan-section");
    refused(
        () -> text("1. Capítulo\n\n1.1 Sección\n\n1.1. Otra vez\n"),
        5,
        "workplan.import.duplicate-section");
  }

  @Test
  void headingBeforeSectionAndMalformedHeading() {
    refused(() -> text("ACCIONES BÁSICAS\n- algo\n"), 1, "workplan.import.heading-before-section");
    refused(
        () -> text("1. Capítulo\n\nACCIONES REFORZADAS para todos\n- algo\n"),
        3,
        "workplan.import.malformed-heading");
  }

  @Test
  void sectionsWithoutActions() {
    refused(() -> text("1. Capítulo\n\n1.1 Sección\n\nTexto.\n"), 5, "workplan.import.no-actions");
  }

  @Test
  void kindsFromCsvWords() {
    assertThat(ActionKind.parse("B")).contains(ActionKind.BASIC);
    assertThat(ActionKind.parse("partner")).contains(ActionKind.PARTNER);
    assertThat(ActionKind.parse("Acciones reforzadas")).contains(ActionKind.REINFORCED);
    assertThat(ActionKind.parse("ACTIONS DE BASE")).contains(ActionKind.BASIC);
    assertThat(ActionKind.parse("other")).isEmpty();
  }

  private static void refused(ThrowingCallable read, int line, String code) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            WorkPlanFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.line()).isEqualTo(line);
            });
  }
}
