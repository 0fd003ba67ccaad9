package org.govflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code workflow} is the only way into the engine: outside it, no class uses an engine service
 * ({@code org.camunda.bpm.engine.*Service}), {@code ClockUtil} or any {@code impl} class, and no
 * source or migration names an {@code ACT_} table. Delegates and listeners use {@code
 * engine.delegate.*}; the web module's security glue uses the REST and webapp authentication hooks.
 */
class EngineBoundaryTests {

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
        .that()
        .resideInAPackage("org.govflow..")
        .and()
        .resideOutsideOfPackage("org.govflow.workflow..")
        .should()
        .dependOnClassesThat(engineInternals)
        .because(
            "workflow's API (RunningProcesses, RuleTables, EngineClock, TaskIndex...) is the way in")
        .check(classes);
  }

  @Test
  void onlyWorkflowNamesTheEngineTables() throws IOException {
    Path java = Path.of("src/main/java/org/govflow");
    List<String> offenders;
    try (Stream<Path> sources = Files.walk(java);
        Stream<Path> resources = Files.walk(Path.of("src/main/resources"))) {
      offenders =
          Stream.concat(sources, resources)
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
              .filter(f -> !f.startsWith(java.resolve("workflow")))
              .filter(f -> ENGINE_TABLE.matcher(read(f)).find())
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("SQL on ACT_ tables outside workflow").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
