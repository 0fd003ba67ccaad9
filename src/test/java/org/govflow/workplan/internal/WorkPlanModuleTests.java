package org.govflow.workplan.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.govflow.support.PostgresTestDatabase;
import org.govflow.web.Refusal;
import org.govflow.workplan.internal.WorkPlanRepository.ActionRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The work plan module on PostgreSQL: the real 2022 plan imported, imported again unchanged, a
 * corrected file that moves, edits, adds and removes actions while owners and history stay, a
 * refused file that changes nothing, owners by action and by section, links checked.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class WorkPlanModuleTests {

  @Autowired WorkPlanImports imports;
  @Autowired WorkPlanOwners owners;
  @Autowired WorkPlanLinks links;
  @Autowired WorkPlanRepository plans;

  @Test
  void importReimportAssignAndLink() throws IOException {
    String seed = seed();
    WorkPlanImports.Counts first =
        imports.importPlan(2022, "plan-2022.txt", bytes(seed), "officer");
    assertThat(first).isEqualTo(new WorkPlanImports.Counts(2022, 5, 41, 303, 303, 0, 0, 0));
    long planId = owners.plan(2022).id();
    assertThat(plans.sections(planId)).hasSize(46);

    WorkPlanImports.Counts again =
        imports.importPlan(2022, "plan-2022.txt", bytes(seed), "officer");
    assertThat(again).isEqualTo(new WorkPlanImports.Counts(2022, 5, 41, 303, 0, 0, 303, 0));

    owners.assign(2022, "1.1-B1", "secretariat", "ines.moreau", "officer");
    links.link(2022, "1.1-B1", "declaration", "DECL-2022-001", "officer");
    long b1 = owners.action(2022, "1.1-B1").id();
    long b6 = owners.action(2022, "1.1-B6").id();
    assertThat(owners.assignSection(2022, "2.1", "council-right-to-city", null, "officer"))
        .isEqualTo(10 + 8 + 3 + 1 + 4 + 12 + 2 + 6);

    // a corrected file: a new first action in 1.1, 1.1's last action gone, 2.1.1-B2 reworded
    String corrected =
        seed.replace(
                "ACCIONES BÁSICAS\n\n- Fomentar el establecimiento",
                "ACCIONES BÁSICAS\n\n- Una acción nueva al principio.\n- Fomentar el establecimiento")
            .replace(
                "- Desarrollar plataformas y publicaciones que muestren las acciones de los miembros\n",
                "")
            .replace(
                "- Continuar la implementación del **MdE** renovado con **ONU-Hábitat**.",
                "- Continuar la implementación del **MdE** renovado con **ONU-Hábitat** en 2022.");
    assertThat(corrected).isNotEqualTo(seed);
    WorkPlanImports.Counts third =
        imports.importPlan(2022, "plan-2022-v2.txt", bytes(corrected), "officer");
    assertThat(third.actions()).isEqualTo(303);
    assertThat(third.added()).isEqualTo(1);
    assertThat(third.removed()).isEqualTo(1);
    // 1.1-B1..B5 moved one place down, 2.1.1-B2 reworded
    assertThat(third.changed()).isEqualTo(5 + 1);

    ActionRow moved = owners.action(2022, "1.1-B2");
    assertThat(moved.id()).isEqualTo(b1);
    assertThat(moved.ownerBody()).isEqualTo("secretariat");
    assertThat(moved.focalPoint()).isEqualTo("ines.moreau");
    assertThat(links.of(2022, "1.1-B2"))
        .extracting(LinkRepository.LinkRow::reference)
        .containsExactly("DECL-2022-001");
    assertThat(owners.action(2022, "1.1-B1").text()).isEqualTo("Una acción nueva al principio.");
    assertThat(plans.history(b1))
        .extracting(WorkPlanRepository.HistoryRow::what)
        .containsExactly("imported", "owner", "focal-point", "link", "ref");
    assertThat(plans.history(b6))
        .extracting(WorkPlanRepository.HistoryRow::what)
        .last()
        .isEqualTo("removed");
    ActionRow reworded = owners.action(2022, "2.1.1-B2");
    assertThat(reworded.text()).endsWith("en 2022.");
    assertThat(reworded.ownerBody()).isEqualTo("council-right-to-city");

    // a file that is not a work plan changes nothing
    String sha = owners.plan(2022).sha256();
    assertThatThrownBy(
            () -> imports.importPlan(2022, "x.txt", bytes("1. Capítulo\n\n- suelta\n"), "officer"))
        .isInstanceOfSatisfying(
            Refusal.class,
            r ->
                assertThat(r.getBody().getDetail())
                    .isEqualTo("workplan.import.action-before-heading"));
    assertThat(owners.plan(2022).sha256()).isEqualTo(sha);
    assertThat(plans.actions(planId)).hasSize(303);
  }

  @Test
  void refusals() throws IOException {
    imports.importPlan(2021, "plan.txt", bytes(seed()), "officer");
    assertThatThrownBy(() -> owners.assign(2021, "1.1-B1", "no-such-body", null, "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () -> owners.assign(2021, "1.1-B1", "secretariat", "ana.belmonte", "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> owners.assign(2021, "9.9-B1", "secretariat", null, "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () -> links.link(2021, "1.1-B1", "recommendation", "REC-1999-999", "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> links.link(2021, "1.1-B1", "decision", "987654", "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> links.link(2021, "1.1-B1", "tweet", "x", "officer"))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> links.link(2021, "1.1-B1", "mou", " ", "officer"))
        .isInstanceOf(Refusal.class);
    assertThat(links.of(2021, "1.1-B1")).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String seed() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../shared/seed"))) {
      return Files.readString(
          files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow(), UTF_8);
    }
  }
}
