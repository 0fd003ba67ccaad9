package org.govflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code workflow} is the only way into the engine: outside it, no class uses an engine service
 * ({@code org.camunda.bpm.engine.*Service}), {@code ClockUtil} or any {@code impl} class, and no
 * SQL names an {@code ACT_} table. Delegates and listeners use {@code engine.delegate.*}; the web
 * module's security glue uses the REST and webapp authentication hooks.
 */
class EngineBoundaryTests {

  /**
   * Modules still being moved behind {@code workflow}'s API. Each leaves this list when it is; the
   * list ends empty.
   */
  private static final Set<String> NOT_YET = Set.of();

  private static final Pattern ENGINE_SERVICE =
      Pattern.compile("org\\.camunda\\.bpm\\.engine\\.[A-Za-z]+Service");

  private static final Pattern ENGINE_TABLE =
      Pattern.compile("\\bACT_[A-Z]{2}_", Pattern.CASE_INSENSITIVE);

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.govflow");

  @Test
  void onlyWorkflowUsesTheEngineServicesAndItsInternals() {
    DescribedPredicate<JavaClass> engineInternals =
        DescribedPredicate.describe(
            "engine services, ClockUtil or engine impl classes",
            c ->
                ENGINE_SERVICE.matcher(c.getName()).matches()
                    || c.getPackageName().startsWith("org.camunda.bpm.engine.impl"));
    noClasses()
        .that(outsideWorkflow())
        .should()
        .dependOnClassesThat(engineInternals)
        .because("workflow's API (RunningProcesses, RuleTables, EngineClock...) is the way in")
        .check(classes);
  }

  @Test
  void onlyWorkflowNamesTheEngineTables() throws IOException {
    Path root = Path.of("src/main/java/org/govflow");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !root.relativize(f).startsWith("workflow"))
              .filter(f -> !NOT_YET.contains(root.relativize(f).getName(0).toString()))
              .filter(f -> ENGINE_TABLE.matcher(read(f)).find())
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("SQL on ACT_ tables outside workflow").isEmpty();
  }

  private static DescribedPredicate<JavaClass> outsideWorkflow() {
    return DescribedPredicate.describe(
        "outside workflow",
        c -> {
          String name = c.getPackageName();
          if (!name.startsWith("org.govflow.") || name.startsWith("org.govflow.workflow")) {
            return false;
          }
          String module = name.substring("org.govflow.".length()).split("\\.")[0];
          return !NOT_YET.contains(module);
        });
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
